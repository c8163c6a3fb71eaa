import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModuleMessagingResponse {
  @ApiProperty({ example: 'reviews' }) readonly module: string;
  @ApiProperty({ example: 0, description: 'Outbox messages not yet delivered' }) readonly pending: number;
  @ApiProperty({ type: Number, nullable: true, example: null }) readonly oldestPendingAgeSeconds: number | null;
  @ApiProperty({ example: 0 }) readonly deadLetters: number;
}

export class BrokerStatusResponse {
  @ApiProperty({ example: true }) readonly connected: boolean;
  @ApiProperty({ example: 'ARCADE_EVENTS' }) readonly stream: string;
  @ApiProperty({
    type: 'array',
    nullable: true,
    items: { type: 'object', additionalProperties: true },
    description: 'Per consuming module hosted here: its lag; null while disconnected',
  })
  readonly consumers: unknown[] | null;
}

export class MessagingOverviewResponse {
  @ApiProperty({ example: 'in-process', description: 'in-process, or nats in the split topology' })
  readonly transport: string;
  @ApiProperty({ type: [ModuleMessagingResponse] }) readonly modules: ModuleMessagingResponse[];
  @ApiPropertyOptional({ type: BrokerStatusResponse }) readonly broker?: BrokerStatusResponse;
}

export class DeadLetterResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'reviews' }) readonly module: string;
  @ApiProperty({ enum: ['outbox', 'broker'] }) readonly source: 'outbox' | 'broker';
  @ApiProperty({ example: 'event' }) readonly kind: string;
  @ApiProperty({ example: 'reviews.ReviewPosted.v1' }) readonly type: string;
  @ApiProperty({ example: 10 }) readonly attempts: number;
  @ApiProperty({ type: String, nullable: true }) readonly lastError: string | null;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty() readonly correlationId: string;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) readonly items: DeadLetterResponse[];
}

export class ReplayResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'reviews' }) readonly module: string;
  @ApiProperty({ enum: ['pending', 'delivered'] }) readonly status: 'pending' | 'delivered';
}
