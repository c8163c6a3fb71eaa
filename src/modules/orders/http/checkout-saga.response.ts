import { ApiProperty } from '@nestjs/swagger';
import type { CheckoutState, CheckoutStep } from '../domain/checkout-saga';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';
import type {
  CheckoutSagaView,
  SagaMessageView,
  SagaReplyView,
  SagaStepView,
} from '../application/saga-timeline/checkout-saga-view';

const STATES: CheckoutState[] = [
  'redeeming_promotion',
  'reserving_stock',
  'authorizing_payment',
  'awaiting_review',
  'confirming',
  'completed',
  'cancelled',
];
const STEPS: CheckoutStep[] = [
  'redeem_promotion',
  'reserve_stock',
  'authorize_payment',
  'commit_stock',
  'capture_payment',
  'clear_cart',
  'refund_payment',
  'void_payment',
  'restock',
  'release_stock',
  'release_promotion',
];

/** A message orders sent, with its delivery. */
export class SagaMessageResponse implements SagaMessageView {
  @ApiProperty({ example: 'catalog.ReserveStock.v1' }) readonly type: string;
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly deliveredAt: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) readonly status: 'pending' | 'delivered' | 'dead';
  @ApiProperty({ example: 1 }) readonly attempts: number;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly lastError: string | null;
}

/** A reply the checkout received. */
export class SagaReplyResponse implements SagaReplyView {
  @ApiProperty({
    example: 'payments.PaymentDeclined.v1',
    description: 'The reply contract type; a timeline milestone (e.g. stock_committed) when id is null',
  })
  readonly type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly id: string | null;
  @ApiProperty({ format: 'date-time' }) readonly receivedAt: string;
}

/** One step or compensation of a checkout. */
export class SagaStepResponse implements SagaStepView {
  @ApiProperty({ enum: STEPS }) readonly step: CheckoutStep;
  @ApiProperty({ description: 'Undoes an earlier step' }) readonly compensation: boolean;
  @ApiProperty({ type: SagaMessageResponse }) readonly message: SagaMessageView;
  @ApiProperty({
    type: SagaReplyResponse,
    nullable: true,
    description: 'The reply that made the checkout send it; null when placed, cancelled by a person or timed out',
  })
  readonly causedBy: SagaReplyView | null;
  @ApiProperty({ type: SagaReplyResponse, nullable: true, description: 'The reply to this step' })
  readonly reply: SagaReplyView | null;
}

export class SagaCancellationResponse {
  @ApiProperty({ example: 'payment_declined' }) readonly reason: string;
  @ApiProperty({ format: 'date-time' }) readonly at: string;
  @ApiProperty({ type: SagaReplyResponse, nullable: true }) readonly causedBy: SagaReplyView | null;
}

export class SagaMilestoneResponse {
  @ApiProperty({ example: 'stock_reserved' }) readonly status: string;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly reason: string | null;
  @ApiProperty({ format: 'date-time' }) readonly at: string;
}

/** An order's checkout saga as a timeline. */
export class CheckoutSagaResponse implements CheckoutSagaView {
  @ApiProperty({ format: 'uuid' }) readonly orderId: string;
  @ApiProperty({ enum: ORDER_STATUSES }) readonly orderStatus: OrderStatus;
  @ApiProperty({ enum: STATES, nullable: true }) readonly state: CheckoutState | null;
  @ApiProperty({ enum: ['in_flight', 'confirmed', 'completed', 'cancelled'] })
  readonly outcome: 'in_flight' | 'confirmed' | 'completed' | 'cancelled';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly stepDeadline: string | null;
  @ApiProperty({ type: SagaCancellationResponse, nullable: true })
  readonly cancellation: CheckoutSagaView['cancellation'];
  @ApiProperty({ type: [SagaStepResponse] }) readonly steps: SagaStepView[];
  @ApiProperty({ type: [SagaMessageResponse], description: 'Events orders published about the order' })
  readonly events: SagaMessageView[];
  @ApiProperty({ type: [SagaMilestoneResponse] }) readonly milestones: CheckoutSagaView['milestones'];
}
