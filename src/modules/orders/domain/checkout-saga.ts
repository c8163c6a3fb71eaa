/**
 * The checkout process manager as a pure state machine: given where an order's checkout stands
 * and what just happened, it says where it goes and which steps (or compensations) to take.
 * Late and duplicate inputs are answered with compensations or nothing, never with a regression.
 */
export type CheckoutState =
  | 'redeeming_promotion'
  | 'reserving_stock'
  | 'authorizing_payment'
  | 'awaiting_review'
  | 'confirming'
  | 'completed'
  | 'cancelled';

/** What can happen to a checkout: a reply of promotions, catalog or payments, a deadline, a cancellation. */
export type CheckoutInput =
  | { readonly kind: 'promotion_redeemed' }
  /** Promotions counted nothing (a code exhausted, expired or no longer eligible since the cart priced it). */
  | { readonly kind: 'promotion_rejected' }
  | { readonly kind: 'stock_reserved' }
  | { readonly kind: 'stock_rejected'; readonly reason: string }
  /** `heldForReview`: payments' risk check holds it (authorized, not to be captured) until a review decides. */
  | { readonly kind: 'payment_authorized'; readonly heldForReview?: boolean }
  | { readonly kind: 'payment_review_approved' }
  | { readonly kind: 'payment_review_rejected' }
  | { readonly kind: 'payment_declined'; readonly reason: string }
  | { readonly kind: 'payment_captured' }
  | { readonly kind: 'payment_capture_failed' }
  | { readonly kind: 'stock_committed' }
  | { readonly kind: 'deadline_passed' }
  | { readonly kind: 'cancel_requested'; readonly reason: string };

/**
 * Steps, in the order they must be sent (compensations run in reverse order of the steps).
 * `redeem_promotion` (or, without promotions, `reserve_stock`) is the first step, sent when the order is placed.
 */
export type CheckoutStep =
  | 'redeem_promotion'
  | 'reserve_stock'
  | 'authorize_payment'
  | 'commit_stock'
  | 'capture_payment'
  | 'clear_cart'
  | 'refund_payment'
  | 'void_payment'
  | 'restock'
  | 'release_stock'
  | 'release_promotion';

/**
 * Where an order's checkout stands: its state, the two steps confirmation waits for, and whether the
 * order carries promotions (then redeeming them is the first step and giving them back a compensation
 * of every cancellation after it, ADR 0118).
 */
export interface CheckoutSagaData {
  readonly state: CheckoutState;
  readonly promotions: boolean;
  readonly stockCommitted: boolean;
  readonly paymentCaptured: boolean;
}

/** One order's checkout as it is kept, with the deadline of the reply it awaits. */
export interface CheckoutSaga extends CheckoutSagaData {
  readonly orderId: string;
  /** When the current step times out; null once no reply is awaited. */
  readonly stepDeadline: Date | null;
}

/** What the decision does to the order itself: confirm it, cancel it (why), or nothing. */
export type OrderOutcome = { readonly kind: 'confirm' } | { readonly kind: 'cancel'; readonly reason: string } | null;

/** Where a checkout goes after an input, and what to send and record for it. */
export interface CheckoutDecision {
  readonly saga: CheckoutSagaData;
  readonly steps: readonly CheckoutStep[];
  readonly outcome: OrderOutcome;
  /** A timeline entry worth recording, if the input moved anything. */
  readonly milestone: string | null;
}

const UNDO_ALL_BEFORE_CAPTURE: CheckoutStep[] = ['void_payment', 'release_stock'];

/**
 * The compensations `steps`, then giving the promotions back when the order carries any: the
 * redemption was the first step, so its compensation comes last. Sent even when the redemption may
 * not have happened (a deadline while redeeming): promotions' release is idempotent and leaves a
 * tombstone that makes a late redemption count nothing.
 */
function undo(saga: CheckoutSagaData, steps: readonly CheckoutStep[]): CheckoutStep[] {
  return saga.promotions ? [...steps, 'release_promotion'] : [...steps];
}

/** Payment held, stock reserved: the order confirms (commit stock, capture, clear the cart). */
function confirmOrder(saga: CheckoutSagaData, milestone: string): CheckoutDecision {
  return {
    saga: { ...saga, state: 'confirming' },
    steps: ['commit_stock', 'capture_payment', 'clear_cart'],
    outcome: { kind: 'confirm' },
    milestone,
  };
}

/**
 * Undoing a confirmed order: the payment is refunded once its capture is known, voided before
 * (a capture that lands after the cancellation is refunded then, see `cancelled`); restocking
 * covers both sold and still-held units.
 */
function undoAfterConfirm(saga: CheckoutSagaData): CheckoutStep[] {
  return [saga.paymentCaptured ? 'refund_payment' : 'void_payment', 'restock'];
}

function stay(saga: CheckoutSagaData, steps: CheckoutStep[] = []): CheckoutDecision {
  return { saga, steps, outcome: null, milestone: null };
}

function cancel(saga: CheckoutSagaData, reason: string, steps: CheckoutStep[]): CheckoutDecision {
  return { saga: { ...saga, state: 'cancelled' }, steps, outcome: { kind: 'cancel', reason }, milestone: null };
}

function settle(saga: CheckoutSagaData, milestone: string): CheckoutDecision {
  const state = saga.stockCommitted && saga.paymentCaptured ? 'completed' : saga.state;
  return { saga: { ...saga, state }, steps: [], outcome: null, milestone };
}

/** Decides what an input does to a checkout in the state it is in (pure; see the module comment). */
export function decideCheckout(saga: CheckoutSagaData, input: CheckoutInput): CheckoutDecision {
  switch (saga.state) {
    case 'redeeming_promotion':
      if (input.kind === 'promotion_redeemed') {
        return {
          saga: { ...saga, state: 'reserving_stock' },
          steps: ['reserve_stock'],
          outcome: null,
          milestone: 'promotion_redeemed',
        };
      }
      // Nothing was counted, nothing is held yet: the order is cancelled with nothing to give back.
      if (input.kind === 'promotion_rejected') return cancel(saga, 'promotion_unavailable', []);
      if (input.kind === 'deadline_passed') return cancel(saga, 'timeout', undo(saga, []));
      if (input.kind === 'cancel_requested') return cancel(saga, input.reason, undo(saga, []));
      return stay(saga);
    case 'reserving_stock':
      if (input.kind === 'stock_reserved') {
        return {
          saga: { ...saga, state: 'authorizing_payment' },
          steps: ['authorize_payment'],
          outcome: null,
          milestone: 'stock_reserved',
        };
      }
      if (input.kind === 'stock_rejected') return cancel(saga, input.reason, undo(saga, []));
      if (input.kind === 'deadline_passed') return cancel(saga, 'timeout', undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      if (input.kind === 'cancel_requested') return cancel(saga, input.reason, undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      return stay(saga);
    case 'authorizing_payment':
      if (input.kind === 'payment_authorized' && input.heldForReview) {
        // Authorized but held by the risk check: wait for a person (or payments' review deadline).
        return {
          saga: { ...saga, state: 'awaiting_review' },
          steps: [],
          outcome: null,
          milestone: 'payment_held_for_review',
        };
      }
      if (input.kind === 'payment_authorized') return confirmOrder(saga, 'payment_authorized');
      if (input.kind === 'payment_declined') return cancel(saga, input.reason, undo(saga, ['release_stock']));
      if (input.kind === 'deadline_passed') return cancel(saga, 'timeout', undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      if (input.kind === 'cancel_requested') return cancel(saga, input.reason, undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      return stay(saga);
    case 'awaiting_review':
      // No deadline of its own: payments settles every review by its deadline (FRAUD_REVIEW_DEFAULT).
      if (input.kind === 'payment_review_approved') return confirmOrder(saga, 'payment_review_approved');
      if (input.kind === 'payment_review_rejected')
        return cancel(saga, 'payment_risk', undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      if (input.kind === 'cancel_requested') return cancel(saga, input.reason, undo(saga, UNDO_ALL_BEFORE_CAPTURE));
      return stay(saga);
    case 'confirming':
    case 'completed':
      if (input.kind === 'stock_committed' && !saga.stockCommitted)
        return settle({ ...saga, stockCommitted: true }, 'stock_committed');
      if (input.kind === 'payment_captured' && !saga.paymentCaptured)
        return settle({ ...saga, paymentCaptured: true }, 'payment_captured');
      if (input.kind === 'payment_capture_failed')
        return cancel(saga, 'payment_capture_failed', undo(saga, ['void_payment', 'restock']));
      if (input.kind === 'cancel_requested') return cancel(saga, input.reason, undo(saga, undoAfterConfirm(saga)));
      return stay(saga);
    case 'cancelled':
      // Something held after the order was cancelled (a late reply): give it back.
      if (input.kind === 'promotion_redeemed') return stay(saga, ['release_promotion']);
      if (input.kind === 'stock_reserved') return stay(saga, ['release_stock']);
      if (input.kind === 'payment_authorized') return stay(saga, ['void_payment']);
      if (input.kind === 'payment_captured') return stay(saga, ['refund_payment']);
      if (input.kind === 'stock_committed') return stay(saga, ['restock']);
      return stay(saga);
  }
}

/**
 * The order's cancellation reason when catalog reserved nothing: `price_changed` when a price is
 * not (or no longer) one catalog sells at (`price_changed`, or no valid price at all), else
 * `insufficient_stock`.
 */
export function cancellationReasonForRejection(problems: readonly { readonly reason: string }[]): string {
  const priced = problems.some((p) => p.reason === 'price_changed' || p.reason === 'invalid_price');
  return priced ? 'price_changed' : 'insufficient_stock';
}

/** Maps a payment decline reason to the order's cancellation reason. */
export function cancellationReasonForDecline(
  reason: 'declined' | 'insufficient_funds' | 'risk' | 'provider_error',
): string {
  switch (reason) {
    case 'declined':
      return 'payment_declined';
    case 'insufficient_funds':
      return 'insufficient_funds';
    case 'risk':
      return 'payment_risk';
    case 'provider_error':
      return 'payment_provider_error';
  }
}
