import type Stripe from 'stripe';
import { ProviderWebhookEvent } from '../payment-provider';

/** Maps the Stripe events Arcade subscribes to onto what they mean for a payment. */
export function stripeWebhookEffect(event: Stripe.Event): ProviderWebhookEvent {
  const object = event.data.object as {
    id?: string;
    object?: string;
    metadata?: Record<string, string>;
    payment_intent?: string | { id: string } | null;
    amount_received?: number;
    amount_refunded?: number;
    cancellation_reason?: string | null;
    last_payment_error?: { decline_code?: string } | null;
    reason?: string | null;
  };
  const isIntent = object.object === 'payment_intent';
  const intentOf = object.payment_intent;
  const reference = isIntent ? (object.id ?? null) : typeof intentOf === 'string' ? intentOf : (intentOf?.id ?? null);
  return {
    id: event.id,
    type: event.type,
    paymentId: object.metadata?.paymentId ?? null,
    reference,
    effect: effectOf(event.type, object),
  };
}

function effectOf(
  type: string,
  object: {
    amount_received?: number;
    amount_refunded?: number;
    cancellation_reason?: string | null;
    last_payment_error?: { decline_code?: string } | null;
    reason?: string | null;
  },
): ProviderWebhookEvent['effect'] {
  switch (type) {
    case 'payment_intent.amount_capturable_updated':
      return { kind: 'authorized', last4: null };
    case 'payment_intent.payment_failed':
      return {
        kind: 'declined',
        reason: object.last_payment_error?.decline_code === 'insufficient_funds' ? 'insufficient_funds' : 'declined',
      };
    case 'payment_intent.succeeded':
      return { kind: 'captured', amount: object.amount_received ?? 0 };
    case 'payment_intent.canceled':
      return object.cancellation_reason === 'automatic' ? { kind: 'expired' } : { kind: 'voided' };
    case 'charge.refunded':
      return { kind: 'refunded', totalRefunded: object.amount_refunded ?? 0 };
    case 'charge.dispute.created':
      // A chargeback: the fraud model's label (the dispute object names the PaymentIntent).
      return { kind: 'disputed', reason: object.reason ?? null };
    default:
      return { kind: 'ignored' };
  }
}
