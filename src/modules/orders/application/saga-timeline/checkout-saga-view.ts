import type { CheckoutState, CheckoutStep } from '../../domain/checkout-saga';
import type { OrderStatus } from '../../domain/order';

/** A message the orders module sent (a step's command, or an event it published), as delivered so far. */
export interface SagaMessageView {
  /** Contract type, e.g. `catalog.ReserveStock.v1`. */
  readonly type: string;
  /** Message id (the envelope id; the event id for events). */
  readonly id: string;
  /** When it was written to the outbox, ISO 8601. */
  readonly createdAt: string;
  /** When the relay handed it over, ISO 8601; null while pending or dead. */
  readonly deliveredAt: string | null;
  /** `pending`, `delivered`, or `dead` (a dead letter: replay it from /admin/messaging). */
  readonly status: 'pending' | 'delivered' | 'dead';
  /** Delivery attempts so far. */
  readonly attempts: number;
  readonly lastError: string | null;
}

/** A reply the checkout received (an event of promotions, catalog or payments). */
export interface SagaReplyView {
  /** Contract type of the reply, e.g. `payments.PaymentDeclined.v1`; a timeline milestone when `id` is null. */
  readonly type: string;
  /** The reply's event id; null when only the order's timeline remembers it (inbox pruned, or no step followed). */
  readonly id: string | null;
  /** When orders handled it, ISO 8601. */
  readonly receivedAt: string;
}

/** One step (or compensation) of a checkout: the command sent, what caused it, and the reply to it. */
export interface SagaStepView {
  readonly step: CheckoutStep;
  /** A compensation undoes an earlier step (void, refund, release, restock). */
  readonly compensation: boolean;
  readonly message: SagaMessageView;
  /** The reply that made the checkout send this step; null when the order was placed, cancelled by a person or timed out. */
  readonly causedBy: SagaReplyView | null;
  /** The reply to this step; null while awaited, and for steps nobody answers (clear cart, compensations). */
  readonly reply: SagaReplyView | null;
}

/** One order's checkout as a timeline: where it stands, its steps in order, and how it ended. */
export interface CheckoutSagaView {
  readonly orderId: string;
  readonly orderStatus: OrderStatus;
  /** The saga's state; null for an order that never had one. */
  readonly state: CheckoutState | null;
  /** `in_flight` until the saga confirms or cancels; `confirmed` once confirmed (`completed`: captured and committed). */
  readonly outcome: 'in_flight' | 'confirmed' | 'completed' | 'cancelled';
  /** When the awaited reply times out, ISO 8601; null when none is awaited. */
  readonly stepDeadline: string | null;
  /** Why the order was cancelled, when it was, and what (reply id) cancelled it. */
  readonly cancellation: {
    readonly reason: string;
    readonly at: string;
    /** The reply that cancelled it; null for a person's cancellation, a deadline, or a pruned record. */
    readonly causedBy: SagaReplyView | null;
  } | null;
  readonly steps: readonly SagaStepView[];
  /** The events orders published about the order (placed, confirmed, cancelled…). */
  readonly events: readonly SagaMessageView[];
  /** The order's timeline entries (status, reason, time), oldest first. */
  readonly milestones: readonly { readonly status: string; readonly reason: string | null; readonly at: string }[];
}
