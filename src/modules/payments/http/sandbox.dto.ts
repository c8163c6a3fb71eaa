import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { SandboxDisputeView } from '../application/sandbox-disputes/open-sandbox-dispute.use-case';
import { WebhookReceiptResponse } from './webhook-event.dto';

/** `POST /payments/sandbox/disputes`. */
export class OpenSandboxDisputeDto {
  @ApiProperty({ format: 'uuid', description: 'The order whose captured sandbox charge is disputed' })
  @IsUUID()
  readonly orderId: string;

  @ApiPropertyOptional({ default: 'fraudulent', example: 'fraudulent', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z][a-z_]*$/, { message: 'reason must be a lower_snake_case reason code' })
  readonly reason?: string;
}

/** What the sandbox sent, and the receipt of Arcade's webhook route. */
export class SandboxDisputeResponse implements SandboxDisputeView {
  @ApiProperty({ format: 'uuid' }) readonly paymentId: string;
  @ApiProperty({ format: 'uuid' }) readonly orderId: string;
  @ApiProperty({ example: 'evt_sbx_…' }) readonly eventId: string;
  @ApiProperty({ example: 'fraudulent' }) readonly reason: string;
  @ApiProperty({ type: WebhookReceiptResponse }) readonly receipt: WebhookReceiptResponse;
}
