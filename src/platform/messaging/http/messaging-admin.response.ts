import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModuleMessagingResponse {
  @ApiProperty({ example: 'reviews' }) readonly module: string;
  @ApiProperty({
    enum: ['up', 'down'],
    description: "Whether the module's database answered; down: the counts are null and `error` says why",
  })
  readonly database: 'up' | 'down';
  @ApiProperty({ type: Number, nullable: true, example: 0, description: 'Outbox messages not yet delivered' })
  readonly pending: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) readonly oldestPendingAgeSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0 }) readonly deadLetters: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 42,
    description: 'Events the inbox remembers as handled (until pruned)',
  })
  readonly inbox: number | null;
  @ApiPropertyOptional({ description: 'Why the database did not answer (down only)' }) readonly error?: string;
  @ApiProperty({
    example: 'this-process',
    description: 'this-process, or the origin of the upstream (GATEWAY_ROUTES) that hosts the module',
  })
  readonly host: string;
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

export class UpstreamMessagingResponse {
  @ApiProperty({ example: 'http://upstream-1:3000' }) readonly upstream: string;
  @ApiProperty({ example: true }) readonly reachable: boolean;
  @ApiPropertyOptional({ description: 'Why it could not be asked' }) readonly error?: string;
  @ApiPropertyOptional({ type: BrokerStatusResponse, description: "The upstream's broker status" })
  readonly broker?: BrokerStatusResponse;
}

export class MessagingOverviewResponse {
  @ApiProperty({ example: 'in-process', description: 'in-process, or nats in the split topology' })
  readonly transport: string;
  @ApiProperty({ type: [ModuleMessagingResponse] }) readonly modules: ModuleMessagingResponse[];
  @ApiPropertyOptional({ type: BrokerStatusResponse }) readonly broker?: BrokerStatusResponse;
  @ApiProperty({
    type: [UpstreamMessagingResponse],
    description: 'Per upstream this process routes modules to (GATEWAY_ROUTES): whether it answered; empty otherwise',
  })
  readonly upstreams: UpstreamMessagingResponse[];
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
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The message's body as it was written",
  })
  readonly payload: Record<string, unknown>;
  @ApiProperty({ example: 'this-process', description: 'this-process, or the upstream origin that holds it' })
  readonly host: string;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) readonly items: DeadLetterResponse[];
}

export class ReplayResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'reviews' }) readonly module: string;
  @ApiProperty({ enum: ['pending', 'delivered'] }) readonly status: 'pending' | 'delivered';
}

export class ReplayResultResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({
    enum: ['pending', 'delivered', 'not_found', 'failed'],
    description: 'pending: back in its outbox; delivered: a broker dead letter handled; failed: it failed again',
  })
  readonly outcome: 'pending' | 'delivered' | 'not_found' | 'failed';
  @ApiPropertyOptional({ example: 'reviews', description: 'Absent when not_found' }) readonly module?: string;
  @ApiPropertyOptional({ description: 'Why it failed again (failed only)' }) readonly error?: string;
}

export class ReplayManyResponse {
  @ApiProperty({ type: [ReplayResultResponse], description: 'One per id, in the order given' })
  readonly results: ReplayResultResponse[];
}

/** Where one outbox message is now (GET /admin/messaging/messages/{id}). */
export class OutboxMessageResponse {
  @ApiProperty({ format: 'uuid', example: '0190a0a0-0000-7000-8000-000000000000' }) readonly id: string;
  @ApiProperty({ example: 'reviews', description: 'The module whose outbox holds it' }) readonly module: string;
  @ApiProperty({ example: 'reviews.ReviewPosted.v1' }) readonly type: string;
  @ApiProperty({
    enum: ['pending', 'delivered', 'dead'],
    example: 'delivered',
    description: 'pending: waiting or being retried; delivered; dead: parked as a dead letter',
  })
  readonly status: 'pending' | 'delivered' | 'dead';
  @ApiProperty({ example: 1, description: 'Delivery attempts since it was written or last replayed' })
  readonly attempts: number;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-30T00:28:39.120Z' })
  readonly deliveredAt: string | null;
  @ApiProperty({ example: 'this-process', description: 'this-process, or the upstream origin whose module holds it' })
  readonly host: string;
}
