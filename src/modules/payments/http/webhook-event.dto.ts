import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Documentation only: a webhook body is verified over its raw bytes and parsed by its provider,
// never by a ValidationPipe, so these classes carry no class-validator rules.

/** The charge a sandbox event is about. */
export class SandboxChargeDto {
  @ApiProperty({ type: String, nullable: true, example: 'ch_sandbox_0190a1b2c3d4' }) readonly charge: string | null;
  @ApiProperty({ format: 'uuid', example: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }) readonly paymentId: string;
  @ApiProperty({ example: 2500, description: 'Minor units' }) readonly amount: number;
  @ApiProperty({ example: 2500, description: 'Minor units' }) readonly capturedAmount: number;
  @ApiProperty({ example: 0, description: 'Minor units' }) readonly amountRefunded: number;
  @ApiProperty({ type: String, nullable: true, example: '4242' }) readonly last4: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly reason: string | null;
}

/** An event of the built-in sandbox processor, signed in the `Sandbox-Signature` header. */
export class SandboxWebhookEventDto {
  @ApiProperty({ example: 'evt_sandbox_0190a1b2c3d4' }) readonly id: string;
  @ApiProperty({
    example: 'charge.captured',
    description:
      'charge.authorized, charge.failed, charge.captured, charge.voided, charge.expired, charge.refunded; others are acknowledged and ignored',
  })
  readonly type: string;
  @ApiProperty({ example: 1767225600, description: 'Unix seconds' }) readonly created: number;
  @ApiProperty({ type: SandboxChargeDto }) readonly data: SandboxChargeDto;
}

/** What a Stripe event is about. */
export class StripeEventDataDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { id: 'pi_3Nabc', object: 'payment_intent', amount_received: 2500, metadata: { paymentId: '…' } },
    description: 'The PaymentIntent or Charge the event is about',
  })
  readonly object: Record<string, unknown>;
}

/** A Stripe event (https://docs.stripe.com/api/events/object), signed in the `Stripe-Signature` header. */
export class StripeWebhookEventDto {
  @ApiProperty({ example: 'evt_1Nabc' }) readonly id: string;
  @ApiProperty({ example: 'payment_intent.succeeded' }) readonly type: string;
  @ApiPropertyOptional({ example: 'event' }) readonly object?: string;
  @ApiProperty({ type: StripeEventDataDto }) readonly data: StripeEventDataDto;
}

/** What a provider is told about its event. */
export class WebhookReceiptResponse {
  @ApiProperty({ example: true }) readonly received: true;
  @ApiProperty({ example: false, description: 'The event was received before; nothing changed' })
  readonly duplicate: boolean;
  @ApiProperty({ enum: ['applied', 'ignored', 'unknown_payment', 'duplicate'], example: 'applied' })
  readonly outcome: 'applied' | 'ignored' | 'unknown_payment' | 'duplicate';
}
