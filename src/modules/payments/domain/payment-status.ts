/** Where a payment is in its life. */
export type PaymentStatus =
  'pending' | 'authorized' | 'declined' | 'captured' | 'partially_refunded' | 'refunded' | 'voided' | 'expired';

const FORWARD: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['authorized', 'declined', 'voided'],
  authorized: ['captured', 'voided', 'expired'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  declined: [],
  refunded: [],
  voided: [],
  expired: [],
};

/** Every status a payment can be in. */
export const PAYMENT_STATUSES = Object.keys(FORWARD) as readonly PaymentStatus[];

/**
 * Whether a payment may move from `from` to `to`. Only forward moves are allowed, so a late or
 * out-of-order provider event (a failure after a capture, an authorization after a void) is ignored.
 */
export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return FORWARD[from].includes(to);
}

/** The status after refunding so that `refunded` of `captured` is back with the customer. */
export function statusAfterRefund(captured: number, refunded: number): PaymentStatus {
  return refunded >= captured ? 'refunded' : 'partially_refunded';
}
