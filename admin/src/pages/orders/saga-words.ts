import type { CheckoutSaga } from './orders-api';

/** Why a checkout was cancelled, in words; an unknown reason is shown as it came. */
const CANCELLATION: Record<string, string> = {
  payment_declined: 'payment declined',
  insufficient_funds: 'insufficient funds on the card',
  payment_risk: 'payment refused as too risky (fraud check or review)',
  payment_provider_error: 'the payment provider failed',
  insufficient_stock: 'not enough stock',
  price_changed: 'a price changed before stock was reserved',
  promotion_unavailable: 'a promotion code could no longer be redeemed',
  timeout: 'a step got no reply in time',
  cancelled_by_customer: 'cancelled by the customer',
  cancelled_by_admin: 'cancelled by an admin',
};

/** What the checkout waits for in each in-flight state. */
const WAITING: Record<string, string> = {
  redeeming_promotion: 'redeeming the promotion codes',
  reserving_stock: 'reserving stock',
  authorizing_payment: 'authorizing the payment',
  awaiting_review: 'a person to review the payment (fraud review queue)',
  confirming: 'confirming',
};

/** A cancellation reason in words: `payment_declined` → "payment declined". */
export function cancellationInWords(reason: string): string {
  return CANCELLATION[reason] ?? reason.replaceAll('_', ' ');
}

/**
 * The saga's outcome as one sentence for the top of the timeline: "Cancelled: payment declined",
 * "In flight: waiting for authorizing the payment", "Confirmed", "Completed: …".
 */
export function outcomeInWords(saga: CheckoutSaga): string {
  switch (saga.outcome) {
    case 'cancelled':
      return `Cancelled: ${cancellationInWords(saga.cancellation?.reason ?? 'unknown reason')}`;
    case 'completed':
      return 'Completed: payment captured and stock committed';
    case 'confirmed':
      return 'Confirmed: capturing the payment and committing the stock';
    case 'in_flight':
      return `In flight: waiting for ${saga.state ? (WAITING[saga.state] ?? saga.state) : 'the next step'}`;
  }
}

/** A step's name in words: `authorize_payment` → "Authorize payment". */
export function stepInWords(step: string): string {
  const words = step.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Whether the timeline may still change: the saga is in flight, confirmed but not yet completed
 * (capture and commit on their way), or a message is still waiting in the outbox.
 */
export function sagaIsMoving(saga: CheckoutSaga | undefined): boolean {
  if (!saga) return false;
  if (saga.outcome === 'in_flight' || saga.outcome === 'confirmed') return true;
  return [...saga.steps.map((s) => s.message), ...saga.events].some((m) => m.status === 'pending');
}

/**
 * A short text that changes whenever the saga moves (its outcome, a step sent, a reply received, a
 * message delivered); undefined before it is read.
 */
export function sagaProgress(saga: CheckoutSaga | undefined): string | undefined {
  if (!saga) return undefined;
  const messages = [...saga.steps.map((s) => s.message), ...saga.events];
  const replies = saga.steps.filter((s) => s.reply).length;
  const delivered = messages.filter((m) => m.status !== 'pending').length;
  return `${saga.outcome}:${saga.state}:${saga.steps.length}:${replies}:${messages.length}:${delivered}`;
}
