import {
  cancellationReasonForRejection,
  CheckoutInput,
  CheckoutSagaData,
  CheckoutState,
  decideCheckout,
} from './checkout-saga';

const at = (state: CheckoutState, extra: Partial<CheckoutSagaData> = {}): CheckoutSagaData => ({
  state,
  promotions: false,
  stockCommitted: false,
  paymentCaptured: false,
  ...extra,
});

describe('the checkout saga', () => {
  it('walks the happy path: reserve → authorize → confirm (commit, capture, clear) → completed', () => {
    const reserved = decideCheckout(at('reserving_stock'), { kind: 'stock_reserved' });
    expect(reserved).toMatchObject({
      saga: { state: 'authorizing_payment' },
      steps: ['authorize_payment'],
      outcome: null,
    });
    const authorized = decideCheckout(reserved.saga, { kind: 'payment_authorized' });
    expect(authorized).toMatchObject({
      saga: { state: 'confirming' },
      steps: ['commit_stock', 'capture_payment', 'clear_cart'],
      outcome: { kind: 'confirm' },
    });
    const committed = decideCheckout(authorized.saga, { kind: 'stock_committed' });
    expect(committed.saga.state).toBe('confirming');
    expect(decideCheckout(committed.saga, { kind: 'payment_captured' }).saga.state).toBe('completed');
  });

  it.each<[CheckoutState, CheckoutInput, string, string[]]>([
    ['reserving_stock', { kind: 'stock_rejected', reason: 'insufficient_stock' }, 'insufficient_stock', []],
    ['reserving_stock', { kind: 'stock_rejected', reason: 'price_changed' }, 'price_changed', []],
    [
      'authorizing_payment',
      { kind: 'payment_declined', reason: 'payment_declined' },
      'payment_declined',
      ['release_stock'],
    ],
    ['reserving_stock', { kind: 'deadline_passed' }, 'timeout', ['void_payment', 'release_stock']],
    ['authorizing_payment', { kind: 'deadline_passed' }, 'timeout', ['void_payment', 'release_stock']],
    [
      'authorizing_payment',
      { kind: 'cancel_requested', reason: 'cancelled_by_customer' },
      'cancelled_by_customer',
      ['void_payment', 'release_stock'],
    ],
    [
      'confirming',
      { kind: 'cancel_requested', reason: 'cancelled_by_admin' },
      'cancelled_by_admin',
      ['void_payment', 'restock'],
    ],
    ['confirming', { kind: 'payment_capture_failed' }, 'payment_capture_failed', ['void_payment', 'restock']],
  ])('from %s on %j cancels for %s, undoing %j in reverse order', (state, input, reason, steps) => {
    expect(decideCheckout(at(state), input)).toMatchObject({
      saga: { state: 'cancelled' },
      steps,
      outcome: { kind: 'cancel', reason },
    });
  });

  it.each<[CheckoutInput, string[]]>([
    [{ kind: 'stock_reserved' }, ['release_stock']],
    [{ kind: 'payment_authorized' }, ['void_payment']],
    [{ kind: 'payment_captured' }, ['refund_payment']],
    [{ kind: 'stock_committed' }, ['restock']],
    [{ kind: 'deadline_passed' }, []],
    [{ kind: 'stock_rejected', reason: 'insufficient_stock' }, []],
  ])('gives back whatever a late reply holds after cancellation: %j → %j', (input, steps) => {
    const decision = decideCheckout(at('cancelled'), input);
    expect(decision).toMatchObject({ saga: { state: 'cancelled' }, steps, outcome: null });
  });

  it('refunds a captured confirmed order on cancellation, and never also voids it', () => {
    const captured = at('confirming', { paymentCaptured: true });
    expect(decideCheckout(captured, { kind: 'cancel_requested', reason: 'cancelled_by_customer' })).toMatchObject({
      saga: { state: 'cancelled' },
      steps: ['refund_payment', 'restock'],
    });
    const completed = at('completed', { paymentCaptured: true, stockCommitted: true });
    expect(decideCheckout(completed, { kind: 'cancel_requested', reason: 'cancelled_by_admin' }).steps).toEqual([
      'refund_payment',
      'restock',
    ]);
  });

  it('cancels for a changed price when catalog reports one, else for stock', () => {
    expect(cancellationReasonForRejection([{ reason: 'insufficient_stock' }, { reason: 'price_changed' }])).toBe(
      'price_changed',
    );
    expect(cancellationReasonForRejection([{ reason: 'invalid_price' }])).toBe('price_changed');
    expect(cancellationReasonForRejection([{ reason: 'insufficient_stock' }])).toBe('insufficient_stock');
  });

  it('ignores duplicates and out-of-order replies without moving backwards', () => {
    expect(decideCheckout(at('authorizing_payment'), { kind: 'stock_reserved' })).toMatchObject({
      saga: { state: 'authorizing_payment' },
      steps: [],
    });
    expect(decideCheckout(at('confirming'), { kind: 'payment_authorized' })).toMatchObject({
      saga: { state: 'confirming' },
      steps: [],
    });
    expect(
      decideCheckout(at('completed', { stockCommitted: true, paymentCaptured: true }), { kind: 'payment_captured' })
        .steps,
    ).toEqual([]);
    expect(decideCheckout(at('confirming'), { kind: 'deadline_passed' }).saga.state).toBe('confirming');
  });

  describe('a payment held for review (issue 21)', () => {
    const held = () => decideCheckout(at('authorizing_payment'), { kind: 'payment_authorized', heldForReview: true });

    it('waits in awaiting_review, authorized but not captured, and confirms when approved', () => {
      expect(held()).toMatchObject({
        saga: { state: 'awaiting_review' },
        steps: [],
        outcome: null,
        milestone: 'payment_held_for_review',
      });
      expect(decideCheckout(held().saga, { kind: 'payment_review_approved' })).toMatchObject({
        saga: { state: 'confirming' },
        steps: ['commit_stock', 'capture_payment', 'clear_cart'],
        outcome: { kind: 'confirm' },
        milestone: 'payment_review_approved',
      });
    });

    it('cancels with payment_risk when rejected, voiding the hold and releasing the stock', () => {
      expect(decideCheckout(held().saga, { kind: 'payment_review_rejected' })).toMatchObject({
        saga: { state: 'cancelled' },
        steps: ['void_payment', 'release_stock'],
        outcome: { kind: 'cancel', reason: 'payment_risk' },
      });
    });

    it('ignores its own step deadline and repeated authorizations while it waits; a cancellation undoes the hold', () => {
      for (const input of [{ kind: 'deadline_passed' }, { kind: 'payment_authorized', heldForReview: true }] as const) {
        expect(decideCheckout(held().saga, input)).toMatchObject({ saga: { state: 'awaiting_review' }, steps: [] });
      }
      expect(decideCheckout(held().saga, { kind: 'cancel_requested', reason: 'cancelled_by_customer' })).toMatchObject({
        saga: { state: 'cancelled' },
        steps: ['void_payment', 'release_stock'],
      });
    });

    it('a review outcome after the decision (a duplicate) changes nothing', () => {
      const approved = decideCheckout(held().saga, { kind: 'payment_review_approved' });
      for (const input of [{ kind: 'payment_review_approved' }, { kind: 'payment_review_rejected' }] as const) {
        expect(decideCheckout(approved.saga, input)).toMatchObject({ saga: approved.saga, steps: [], outcome: null });
      }
      const rejected = decideCheckout(held().saga, { kind: 'payment_review_rejected' });
      expect(decideCheckout(rejected.saga, { kind: 'payment_review_approved' })).toMatchObject({
        saga: { state: 'cancelled' },
        steps: [],
        outcome: null,
      });
    });
  });

  describe('with promotions (ADR 0118)', () => {
    const promoted = (state: CheckoutState, extra: Partial<CheckoutSagaData> = {}) =>
      at(state, { promotions: true, ...extra });

    it('redeems first, then reserves: a redemption moves on to the stock step', () => {
      expect(decideCheckout(promoted('redeeming_promotion'), { kind: 'promotion_redeemed' })).toEqual({
        saga: promoted('reserving_stock'),
        steps: ['reserve_stock'],
        outcome: null,
        milestone: 'promotion_redeemed',
      });
    });

    it('a rejection cancels with promotion_unavailable and sends nothing: nothing is held yet', () => {
      expect(decideCheckout(promoted('redeeming_promotion'), { kind: 'promotion_rejected' })).toEqual({
        saga: promoted('cancelled'),
        steps: [],
        outcome: { kind: 'cancel', reason: 'promotion_unavailable' },
        milestone: null,
      });
    });

    it.each<[CheckoutState, CheckoutInput, string[]]>([
      ['redeeming_promotion', { kind: 'deadline_passed' }, ['release_promotion']],
      ['redeeming_promotion', { kind: 'cancel_requested', reason: 'cancelled_by_customer' }, ['release_promotion']],
      ['reserving_stock', { kind: 'stock_rejected', reason: 'insufficient_stock' }, ['release_promotion']],
      ['reserving_stock', { kind: 'deadline_passed' }, ['void_payment', 'release_stock', 'release_promotion']],
      [
        'authorizing_payment',
        { kind: 'payment_declined', reason: 'payment_declined' },
        ['release_stock', 'release_promotion'],
      ],
      ['awaiting_review', { kind: 'payment_review_rejected' }, ['void_payment', 'release_stock', 'release_promotion']],
      ['confirming', { kind: 'payment_capture_failed' }, ['void_payment', 'restock', 'release_promotion']],
      [
        'confirming',
        { kind: 'cancel_requested', reason: 'cancelled_by_admin' },
        ['void_payment', 'restock', 'release_promotion'],
      ],
    ])('from %s, %j gives the redemption back last: %j', (state, input, steps) => {
      const decision = decideCheckout(promoted(state), input);
      expect(decision.saga.state).toBe('cancelled');
      expect(decision.steps).toEqual(steps);
    });

    it('a completed order cancelled later refunds, restocks and gives the redemption back', () => {
      const completed = promoted('completed', { stockCommitted: true, paymentCaptured: true });
      expect(decideCheckout(completed, { kind: 'cancel_requested', reason: 'cancelled_by_admin' }).steps).toEqual([
        'refund_payment',
        'restock',
        'release_promotion',
      ]);
    });

    it('a redemption that lands after the cancellation is given back; a late rejection changes nothing', () => {
      expect(decideCheckout(promoted('cancelled'), { kind: 'promotion_redeemed' })).toMatchObject({
        steps: ['release_promotion'],
        outcome: null,
      });
      expect(decideCheckout(promoted('cancelled'), { kind: 'promotion_rejected' })).toMatchObject({
        steps: [],
        outcome: null,
      });
    });

    it('an order without promotions never sends release_promotion', () => {
      const decision = decideCheckout(at('authorizing_payment'), { kind: 'payment_declined', reason: 'x' });
      expect(decision.steps).toEqual(['release_stock']);
    });
  });
});
