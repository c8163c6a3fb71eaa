import { checkEligibility, EligibilityContext } from './eligibility';
import { definePromotion, PromotionDraft } from './promotion';
import { describeRefusal } from './promotion-refusal';

const NOW = new Date('2026-12-01T12:00:00Z');
const tenPercent: PromotionDraft = { id: 'p1', code: 'TEN', benefit: { type: 'percentage', ratePpm: 100_000 } };

const cart = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  now: NOW,
  currency: 'EUR',
  lines: [
    { lineId: 'l1', productId: 'shoes', categoryIds: ['footwear'], amount: 4000 },
    { lineId: 'l2', productId: 'socks', categoryIds: ['accessories'], amount: 1000 },
  ],
  customer: { customerId: 'c1', previousOrders: 0 },
  redemptions: { total: 0, byCustomer: 0 },
  ...over,
});

const check = (draft: Partial<PromotionDraft>, context = cart()) =>
  checkEligibility(definePromotion({ ...tenPercent, ...draft }), context);

describe('promotion eligibility', () => {
  it('accepts a promotion with no conditions', () => {
    expect(check({})).toBeNull();
  });

  it('refuses a disabled promotion first, whatever else is wrong', () => {
    expect(check({ disabled: true, endsAt: new Date('2020-01-01') })).toEqual({
      type: 'promotion-disabled',
      promotionId: 'p1',
      code: 'TEN',
    });
  });

  it('is valid from startsAt (inclusive) until endsAt (exclusive)', () => {
    expect(check({ startsAt: NOW })).toBeNull();
    expect(check({ startsAt: new Date(NOW.getTime() + 1) })).toMatchObject({
      type: 'promotion-not-started',
      startsAt: '2026-12-01T12:00:00.001Z',
    });
    expect(check({ endsAt: new Date(NOW.getTime() + 1) })).toBeNull();
    expect(check({ endsAt: NOW })).toMatchObject({ type: 'promotion-expired', endedAt: '2026-12-01T12:00:00.000Z' });
  });

  it('is exhausted when the redemptions counted reach a limit', () => {
    const limits = { totalRedemptions: 5, perCustomer: 1 };
    expect(check({ limits }, cart({ redemptions: { total: 4, byCustomer: 0 } }))).toBeNull();
    expect(check({ limits }, cart({ redemptions: { total: 5, byCustomer: 0 } }))).toMatchObject({
      type: 'promotion-exhausted',
      limit: 'total',
      maxRedemptions: 5,
    });
    expect(check({ limits }, cart({ redemptions: { total: 1, byCustomer: 1 } }))).toMatchObject({
      type: 'promotion-exhausted',
      limit: 'per-customer',
      maxRedemptions: 1,
    });
  });

  it('leaves per-customer facts to checkout for a guest cart', () => {
    const guest = cart({ customer: null, redemptions: { total: 0, byCustomer: 7 } });
    expect(
      check({ limits: { totalRedemptions: null, perCustomer: 1 }, conditions: { firstOrderOnly: true } }, guest),
    ).toBeNull();
  });

  it('is only for a first order when it says so', () => {
    const returning = cart({ customer: { customerId: 'c1', previousOrders: 2 } });
    expect(check({ conditions: { firstOrderOnly: true } })).toBeNull();
    expect(check({ conditions: { firstOrderOnly: true } }, returning)).toMatchObject({
      type: 'promotion-ineligible',
      condition: 'first-order',
    });
  });

  it('needs an amount in the cart currency', () => {
    const fiveOff: PromotionDraft = { ...tenPercent, benefit: { type: 'fixed-amount', amounts: { EUR: 500 } } };
    expect(check(fiveOff)).toBeNull();
    expect(check(fiveOff, cart({ currency: 'JPY' }))).toMatchObject({ condition: 'currency' });
    expect(check({ conditions: { minimumSubtotal: { EUR: 100 } } }, cart({ currency: 'KWD' }))).toMatchObject({
      condition: 'currency',
    });
    // An inherited key is not an amount.
    expect(check(fiveOff, cart({ currency: 'toString' }))).toMatchObject({ condition: 'currency' });
  });

  it('needs a line of its products or categories', () => {
    expect(check({ conditions: { scope: { productIds: ['socks'], categoryIds: [] } } })).toBeNull();
    expect(check({ conditions: { scope: { productIds: [], categoryIds: ['footwear'] } } })).toBeNull();
    expect(check({ conditions: { scope: { productIds: ['hats'], categoryIds: ['outerwear'] } } })).toMatchObject({
      type: 'promotion-ineligible',
      condition: 'scope',
    });
  });

  it('compares the minimum with the subtotal of the lines in scope, before discounts', () => {
    // Cart 40.00 + 10.00; the socks alone are 10.00.
    expect(check({ conditions: { minimumSubtotal: { EUR: 5000 } } })).toBeNull();
    const onSocks = { productIds: ['socks'], categoryIds: [] };
    expect(check({ conditions: { minimumSubtotal: { EUR: 1000 }, scope: onSocks } })).toBeNull();
    const refusal = check({ conditions: { minimumSubtotal: { EUR: 1001 }, scope: onSocks } });
    expect(refusal).toEqual({
      type: 'promotion-ineligible',
      promotionId: 'p1',
      code: 'TEN',
      condition: 'minimum-subtotal',
      minimumSubtotal: { amount: 1001, currency: 'EUR' },
    });
    expect(describeRefusal(refusal!)).toBe('Code TEN needs a higher subtotal.');
  });

  it('describes every refusal for the problem detail', () => {
    expect(describeRefusal({ type: 'promotion-unknown', code: 'NOPE' })).toBe('Code NOPE does not exist.');
    expect(describeRefusal({ type: 'promotion-disabled', promotionId: 'p', code: null })).toBe(
      'The promotion is no longer available.',
    );
    const perCustomer = check(
      { limits: { totalRedemptions: null, perCustomer: 2 } },
      cart({ redemptions: { total: 9, byCustomer: 2 } }),
    );
    expect(describeRefusal(perCustomer!)).toBe('Code TEN may be used 2 time(s) per customer.');
    expect(describeRefusal(check({ endsAt: NOW })!)).toBe('Code TEN expired at 2026-12-01T12:00:00.000Z.');
  });
});
