import { v7 as uuidv7 } from 'uuid';
import {
  EvaluatePromotions,
  PromotionCart,
  PromotionRedeemed,
  PromotionRejected,
  RedeemPromotion,
  ReleasePromotionRedemption,
} from '../../src/modules/promotions';
import { OrderCancelled, OrderPlaced } from '../../src/modules/orders';
import { LocalEventDispatcher, toEnvelope } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Redemption, on real PostgreSQL: limits counted atomically under concurrency, idempotent per order,
 * given back once; and the evaluation the cart will ask for.
 */
describe('promotions: evaluation and redemption', () => {
  let s: Scenario;
  let admin: { authorization: string };

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['promotions'], env: { DATABASE_POOL_SIZE: '20' } });
    admin = bearer(s.app, ['admin']);
  });
  afterAll(() => s.close());

  const createPromotion = async (definition: Record<string, unknown>) => {
    const response = await s.app.inject({ method: 'POST', url: '/promotions', headers: admin, payload: definition });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; code: string | null; redeemed: number };
  };
  const redeemed = async (id: string) =>
    (await s.app.inject({ method: 'GET', url: `/promotions/${id}`, headers: admin })).json().redeemed as number;
  const productId = uuidv7();
  const cart = (customerId: string | null, previousOrders: number | null = 0, lines = [eur(3000), eur(999)]) =>
    ({
      currency: 'EUR',
      lines: lines.map((price, i) => ({
        lineId: `line-${i + 1}`,
        productId: i === 0 ? productId : uuidv7(),
        categoryIds: [],
        unitPrice: price,
        quantity: 1,
      })),
      shippingTotal: eur(490),
      customer: customerId === null ? null : { customerId, previousOrders },
    }) satisfies PromotionCart;
  const redeem = (code: string, customerId = uuidv7(), orderId = uuidv7()) =>
    s.bus.execute(new RedeemPromotion(orderId, [code], cart(customerId), null));

  it('evaluates codes and automatic promotions into discount lines, with largest-remainder shares', async () => {
    const fixed = await createPromotion({ code: 'FIVEOFF', benefit: { type: 'fixed-amount', amounts: { EUR: 500 } } });
    const evaluation = await s.bus.query(new EvaluatePromotions(['fiveoff'], cart(null)));
    // 500 × 3000/3999 = 375.09 → 375, 500 × 999/3999 = 124.90 → 124, the cent left to the larger remainder.
    expect(evaluation.lines).toEqual([
      { lineId: 'line-1', discount: eur(375), byPromotion: [{ promotionId: fixed.id, amount: eur(375) }] },
      { lineId: 'line-2', discount: eur(125), byPromotion: [{ promotionId: fixed.id, amount: eur(125) }] },
    ]);
    expect(evaluation).toMatchObject({
      applied: [{ promotionId: fixed.id, code: 'FIVEOFF', benefit: 'fixed-amount', amount: eur(500) }],
      shipping: { discount: eur(0), byPromotion: [] },
      discountTotal: eur(500),
      discountedSubtotal: eur(3499),
      refused: [],
    });
  });

  it('refuses unknown, expired, exhausted, ineligible and not-combinable codes with their type', async () => {
    await createPromotion({ code: 'OLD', benefit: { type: 'free-shipping' }, endsAt: '2020-01-01T00:00:00Z' });
    await createPromotion({
      code: 'BIGSPEND',
      benefit: { type: 'free-shipping' },
      conditions: { minimumSubtotal: { EUR: 100_000 } },
    });
    await createPromotion({ code: 'SOLO', benefit: { type: 'percentage', ratePpm: 100_000 } });
    await createPromotion({ code: 'SOLO2', benefit: { type: 'percentage', ratePpm: 100_000 } });
    const off = await createPromotion({ code: 'OFFNOW', benefit: { type: 'free-shipping' } });
    await s.app.inject({ method: 'PATCH', url: `/promotions/${off.id}`, headers: admin, payload: { disabled: true } });
    const types = async (codes: string[]) =>
      (await s.bus.query(new EvaluatePromotions(codes, cart(null)))).refused.map((r) => [r.code, r.type]);
    expect(await types(['NOPE', 'OLD', 'BIGSPEND', 'OFFNOW'])).toEqual([
      ['NOPE', 'promotion-unknown'],
      ['OLD', 'promotion-expired'],
      ['BIGSPEND', 'promotion-ineligible'],
      ['OFFNOW', 'promotion-disabled'],
    ]);
    const refused = (await s.bus.query(new EvaluatePromotions(['SOLO', 'SOLO2'], cart(null)))).refused;
    expect(refused).toEqual([
      expect.objectContaining({ type: 'promotion-not-combinable', code: 'SOLO2', conflictsWith: expect.any(Object) }),
    ]);
    await expect(
      s.bus.query(new EvaluatePromotions(['SOLO'], { ...cart(null), currency: 'EURO', lines: [] })),
    ).rejects.toThrow();
  });

  it('checks first order with the previous orders the caller counted, when it counted them', async () => {
    await createPromotion({ code: 'FIRST', benefit: { type: 'free-shipping' }, conditions: { firstOrderOnly: true } });
    const customerId = uuidv7();
    const unknown = await s.bus.query(new EvaluatePromotions(['FIRST'], cart(customerId, null)));
    expect(unknown.refused).toEqual([]);
    const second = await s.bus.execute(new RedeemPromotion(uuidv7(), ['FIRST'], cart(customerId, 1), null));
    expect(second.refusal).toMatchObject({ type: 'promotion-ineligible', condition: 'first-order' });
    const first = await s.bus.execute(new RedeemPromotion(uuidv7(), ['FIRST'], cart(customerId, 0), null));
    expect(first.outcome).toBe('redeemed');
    // A redemption needs the customer.
    await expect(s.bus.execute(new RedeemPromotion(uuidv7(), ['FIRST'], cart(null), null))).rejects.toThrow();
  });

  it("learns customers' orders from orders' events; an OrderCancelled gives the redemption back, once", async () => {
    const promotion = await createPromotion({
      code: 'WELCOME',
      benefit: { type: 'free-shipping' },
      conditions: { firstOrderOnly: true },
    });
    const deliver = (event: OrderPlaced | OrderCancelled) =>
      s.app.get(LocalEventDispatcher).dispatch(toEnvelope(event));
    const customerId = uuidv7();
    const orderId = uuidv7();
    const refusedNow = async () =>
      (await s.bus.query(new EvaluatePromotions(['WELCOME'], cart(customerId, null)))).refused;
    expect(await refusedNow()).toEqual([]);
    // The order being redeemed does not count against itself.
    const first = await s.bus.execute(new RedeemPromotion(orderId, ['WELCOME'], cart(customerId, null), null));
    expect(first.outcome).toBe('redeemed');
    // Redeemed but not yet heard of from orders: it already counts as an order.
    expect(await refusedNow()).toEqual([expect.objectContaining({ condition: 'first-order' })]);
    await deliver(new OrderPlaced({ orderId, customerId, lines: [], total: eur(3999) }));
    expect(await refusedNow()).toEqual([expect.objectContaining({ condition: 'first-order' })]);
    const cancelled = new OrderCancelled({
      orderId,
      customerId,
      reason: 'cancelled_by_customer',
      cancelledAt: new Date().toISOString(),
    });
    await deliver(cancelled);
    await deliver(cancelled);
    expect(await redeemed(promotion.id)).toBe(0);
    expect(await refusedNow()).toEqual([]);
    expect((await s.bus.execute(new ReleasePromotionRedemption(orderId, 'cancelled'))).outcome).toBe(
      'nothing-to-release',
    );
  });

  it('50 customers racing for a code with 5 uses: exactly 5 redeemed, 45 rejected as exhausted', async () => {
    const promotion = await createPromotion({
      code: 'FIVEUSES',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      limits: { totalRedemptions: 5 },
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => redeem('FIVEUSES')));
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'redeemed')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'rejected')).toHaveLength(45);
    for (const r of results.filter((r) => r.outcome === 'rejected')) {
      expect(r.refusal).toMatchObject({ type: 'promotion-exhausted', limit: 'total', maxRedemptions: 5 });
    }
    expect(await redeemed(promotion.id)).toBe(5);
    const events = s.events(PromotionRedeemed).filter((e) => e.payload.promotions[0]?.promotionId === promotion.id);
    expect(events).toHaveLength(5);
    // The cart now hears it is exhausted too.
    const after = await s.bus.query(new EvaluatePromotions(['FIVEUSES'], cart(null)));
    expect(after.refused[0]).toMatchObject({ type: 'promotion-exhausted', limit: 'total' });
  });

  it('holds the per-customer limit under concurrent orders of one customer', async () => {
    const promotion = await createPromotion({
      code: 'TWICEEACH',
      benefit: { type: 'free-shipping' },
      limits: { perCustomer: 2 },
    });
    const customerId = uuidv7();
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem('TWICEEACH', customerId)));
    expect(results.filter((r) => r.outcome === 'redeemed')).toHaveLength(2);
    expect(
      results.filter((r) => r.refusal?.type === 'promotion-exhausted' && r.refusal.limit === 'per-customer'),
    ).toHaveLength(8);
    expect(await redeemed(promotion.id)).toBe(2);
    expect((await redeem('TWICEEACH')).outcome).toBe('redeemed'); // another customer still may
  });

  it('redeems once per order however often (and concurrently) it is asked, and gives the use back once', async () => {
    const promotion = await createPromotion({
      code: 'ONEUSE',
      benefit: { type: 'fixed-amount', amounts: { EUR: 1000 } },
      limits: { totalRedemptions: 1 },
    });
    const orderId = uuidv7();
    const customerId = uuidv7();
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem('ONEUSE', customerId, orderId)));
    expect(new Set(results.map((r) => r.outcome))).toEqual(new Set(['redeemed']));
    expect(results[0].evaluation?.discountTotal).toEqual(eur(1000));
    expect(await redeemed(promotion.id)).toBe(1);
    expect(s.events(PromotionRedeemed).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    const deleted = await s.app.inject({ method: 'DELETE', url: `/promotions/${promotion.id}`, headers: admin });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().type).toMatch(/promotion-has-redemptions$/);
    expect((await redeem('ONEUSE')).refusal?.type).toBe('promotion-exhausted');

    const releases = await Promise.all([
      s.bus.execute(new ReleasePromotionRedemption(orderId, 'cancelled_by_customer')),
      s.bus.execute(new ReleasePromotionRedemption(orderId, 'cancelled_by_customer')),
    ]);
    expect(releases.map((r) => r.outcome).sort()).toEqual(['nothing-to-release', 'released']);
    expect((await s.bus.execute(new ReleasePromotionRedemption(orderId, 'again'))).outcome).toBe('nothing-to-release');
    expect(await redeemed(promotion.id)).toBe(0);
    // The use came back: another order gets it; the released order stays released.
    expect((await redeem('ONEUSE')).outcome).toBe('redeemed');
    expect((await redeem('ONEUSE', customerId, orderId)).outcome).toBe('released');
  });

  it('a release before the redemption leaves a tombstone: the late redemption counts nothing', async () => {
    const promotion = await createPromotion({ code: 'LATECOMER', benefit: { type: 'free-shipping' } });
    const orderId = uuidv7();
    expect((await s.bus.execute(new ReleasePromotionRedemption(orderId, 'timeout'))).outcome).toBe(
      'nothing-to-release',
    );
    expect((await redeem('LATECOMER', uuidv7(), orderId)).outcome).toBe('released');
    expect(await redeemed(promotion.id)).toBe(0);
  });

  it('rejects what the customer did not accept, and publishes PromotionRejected', async () => {
    const promotion = await createPromotion({ code: 'CHANGING', benefit: { type: 'percentage', ratePpm: 100_000 } });
    const customerId = uuidv7();
    const seen = await s.bus.query(new EvaluatePromotions(['CHANGING'], cart(customerId)));
    const expected = { promotionIds: seen.applied.map((a) => a.promotionId), discountTotal: seen.discountTotal };
    await s.app.inject({
      method: 'PATCH',
      url: `/promotions/${promotion.id}`,
      headers: admin,
      payload: { benefit: { type: 'percentage', ratePpm: 50_000 } },
    });
    const orderId = uuidv7();
    const result = await s.bus.execute(new RedeemPromotion(orderId, ['CHANGING'], cart(customerId), expected));
    expect(result).toMatchObject({ outcome: 'rejected', refusal: { type: 'promotion-changed' } });
    const rejected = await s.waitForEvent(PromotionRejected, (e) => e.payload.orderId === orderId);
    expect(rejected.payload.refusal.type).toBe('promotion-changed');
    expect(await redeemed(promotion.id)).toBe(0);

    await s.app.inject({
      method: 'PATCH',
      url: `/promotions/${promotion.id}`,
      headers: admin,
      payload: { disabled: true },
    });
    const disabled = await s.bus.execute(new RedeemPromotion(uuidv7(), ['CHANGING'], cart(customerId), null));
    expect(disabled.refusal?.type).toBe('promotion-disabled');
  });
});
