import fc from 'fast-check';
import { computeDiscounts } from './discounts';
import { definePromotion, DiscountableLine, Promotion, PromotionBenefit } from './promotion';

const line = (lineId: string, amount: number, productId = lineId, categoryIds: string[] = []): DiscountableLine => ({
  lineId,
  productId,
  categoryIds,
  amount,
});
const promo = (id: string, benefit: PromotionBenefit, productIds?: string[]): Promotion =>
  definePromotion({
    id,
    benefit,
    combinable: true,
    conditions: { scope: productIds ? { productIds, categoryIds: [] } : null },
  });
const percentage = (id: string, ratePpm: number, productIds?: string[]) =>
  promo(id, { type: 'percentage', ratePpm }, productIds);
const fixed = (id: string, amounts: Record<string, number>, productIds?: string[]) =>
  promo(id, { type: 'fixed-amount', amounts }, productIds);
const freeShipping = promo('ship', { type: 'free-shipping' });

const amounts = (d: ReturnType<typeof computeDiscounts>) => d.lines.map((l) => l.amount);

describe('computeDiscounts, by hand', () => {
  it('takes a percentage per line, rounding each line half-up', () => {
    // 15 % of 9.99 = 1.4985 → 1.50; of 0.10 = 0.015 → 0.02 (tie up); of 20.00 = 3.00.
    const d = computeDiscounts([percentage('p', 150_000)], [line('a', 999), line('b', 10), line('c', 2000)], 0, 'EUR');
    expect(amounts(d)).toEqual([150, 2, 300]);
    expect(d.byPromotion).toEqual([{ promotionId: 'p', amount: 452 }]);
  });

  it('takes everything, exactly, at 100 %', () => {
    const d = computeDiscounts([percentage('p', 1_000_000)], [line('a', 1), line('b', 999_999_999)], 0, 'JPY');
    expect(amounts(d)).toEqual([1, 999_999_999]);
  });

  it('allocates a fixed amount by largest remainder in proportion to the lines', () => {
    // 10.00 off 30.00 / 20.00 / 50.00 → 3.00 / 2.00 / 5.00, exact.
    expect(
      amounts(
        computeDiscounts([fixed('f', { EUR: 1000 })], [line('a', 3000), line('b', 2000), line('c', 5000)], 0, 'EUR'),
      ),
    ).toEqual([300, 200, 500]);
    // 1.000 KWD off three lines of 0.100: 100 fils ⅓ each = 33.33 → 34, 33, 33 (the leftover fils to the first tie).
    expect(
      amounts(computeDiscounts([fixed('f', { KWD: 100 })], [line('a', 100), line('b', 100), line('c', 100)], 0, 'KWD')),
    ).toEqual([34, 33, 33]);
  });

  it('caps a fixed amount at what the lines in scope come to', () => {
    // ¥5,000 off, but only the ¥1,200 hat is in scope: the hat goes to 0, the coat is untouched.
    const d = computeDiscounts(
      [fixed('f', { JPY: 5000 }, ['hat'])],
      [line('hat', 1200), line('coat', 30_000)],
      0,
      'JPY',
    );
    expect(amounts(d)).toEqual([1200, 0]);
    expect(d.byPromotion).toEqual([{ promotionId: 'f', amount: 1200 }]);
  });

  it('applies percentages before fixed amounts, each on what is left', () => {
    // 20 % then 10 %: 100.00 → 80.00 → 72.00 (28 %, not 30 %); then 5.00 off → 67.00.
    const d = computeDiscounts(
      [fixed('five', { EUR: 500 }), percentage('twenty', 200_000), percentage('ten', 100_000)],
      [line('a', 10_000)],
      0,
      'EUR',
    );
    expect(d.lines[0]).toEqual({
      lineId: 'a',
      amount: 3300,
      byPromotion: [
        { promotionId: 'twenty', amount: 2000 },
        { promotionId: 'ten', amount: 800 },
        { promotionId: 'five', amount: 500 },
      ],
    });
    expect(d.byPromotion).toEqual([
      { promotionId: 'five', amount: 500 },
      { promotionId: 'twenty', amount: 2000 },
      { promotionId: 'ten', amount: 800 },
    ]);
  });

  it('takes the shipping price off with free shipping, once', () => {
    const d = computeDiscounts([freeShipping, promo('ship2', { type: 'free-shipping' })], [line('a', 500)], 490, 'EUR');
    expect(d.shipping).toEqual({
      amount: 490,
      byPromotion: [
        { promotionId: 'ship', amount: 490 },
        { promotionId: 'ship2', amount: 0 },
      ],
    });
    expect(amounts(d)).toEqual([0]);
  });

  it('refuses amounts and rates it cannot compute with', () => {
    expect(() => computeDiscounts([], [line('a', -1)], 0, 'EUR')).toThrow(RangeError);
    expect(() => computeDiscounts([percentage('p', 1_000_001)], [line('a', 1)], 0, 'EUR')).toThrow(RangeError);
  });
});

describe('computeDiscounts, properties', () => {
  const RUNS = { seed: 20261203, numRuns: 1000 };
  const currency = fc.constantFrom('EUR', 'JPY', 'KWD');
  const products = ['p0', 'p1', 'p2', 'p3'];
  const lines = fc.array(
    fc.record({ productId: fc.constantFrom(...products), amount: fc.integer({ min: 0, max: 99 * 1_000_000_000 }) }),
    { minLength: 1, maxLength: 100 },
  );
  const scope = fc.option(fc.subarray(products, { minLength: 1 }), { nil: undefined });
  const promotions = fc.array(
    fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 1_000_000 }), scope)
        .map(([rate, s]) => ({ kind: 'percentage' as const, rate, s })),
      fc
        .tuple(fc.integer({ min: 1, max: 10 ** 13 }), scope)
        .map(([amount, s]) => ({ kind: 'fixed' as const, amount, s })),
      fc.constant({ kind: 'ship' as const }),
    ),
    { maxLength: 5 },
  );

  it('never takes a line or shipping below 0, and the parts sum to every total', () => {
    fc.assert(
      fc.property(currency, lines, promotions, fc.integer({ min: 0, max: 10 ** 7 }), (cur, ls, ps, shipping) => {
        const cartLines = ls.map((l, i) => line(`l${i}`, l.amount, l.productId));
        const applied = ps.map((p, i) =>
          p.kind === 'percentage'
            ? percentage(`x${i}`, p.rate, p.s)
            : p.kind === 'fixed'
              ? fixed(`x${i}`, { [cur]: p.amount }, p.s)
              : promo(`x${i}`, { type: 'free-shipping' }),
        );
        const d = computeDiscounts(applied, cartLines, shipping, cur);
        d.lines.forEach((l, i) => {
          expect(l.amount).toBeGreaterThanOrEqual(0);
          expect(l.amount).toBeLessThanOrEqual(cartLines[i].amount);
          expect(l.byPromotion.reduce((s, x) => s + x.amount, 0)).toBe(l.amount);
          l.byPromotion.forEach((x) => expect(x.amount).toBeGreaterThanOrEqual(0));
        });
        expect(d.shipping.amount).toBeGreaterThanOrEqual(0);
        expect(d.shipping.amount).toBeLessThanOrEqual(shipping);
        const linesTotal = d.lines.reduce((s, l) => s + l.amount, 0);
        expect(d.byPromotion.reduce((s, x) => s + x.amount, 0)).toBe(linesTotal + d.shipping.amount);
      }),
      RUNS,
    );
  });

  it('takes exactly min(fixed amount, lines in scope), split within one unit of proportional', () => {
    fc.assert(
      fc.property(currency, lines, fc.integer({ min: 1, max: 10 ** 13 }), scope, (cur, ls, amount, s) => {
        const cartLines = ls.map((l, i) => line(`l${i}`, l.amount, l.productId));
        const d = computeDiscounts([fixed('f', { [cur]: amount }, s)], cartLines, 0, cur);
        const scoped = cartLines.map((l) => !s || s.includes(l.productId));
        const cap = cartLines.reduce((sum, l, i) => sum + (scoped[i] ? l.amount : 0), 0);
        const taken = Math.min(amount, cap);
        expect(d.byPromotion).toEqual([{ promotionId: 'f', amount: taken }]);
        d.lines.forEach((l, i) => {
          if (!scoped[i] || cap === 0) return expect(l.amount).toBe(0);
          // |share − taken·line/cap| < 1  ⇔  |share·cap − taken·line| < cap
          const gap = BigInt(l.amount) * BigInt(cap) - BigInt(taken) * BigInt(cartLines[i].amount);
          expect(gap < BigInt(cap) && gap > -BigInt(cap)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('leaves exactly 0, not −1, after 100 % or a fixed amount above the subtotal', () => {
    fc.assert(
      fc.property(currency, lines, fc.boolean(), (cur, ls, viaPercentage) => {
        const cartLines = ls.map((l, i) => line(`l${i}`, l.amount));
        const subtotal = cartLines.reduce((s, l) => s + l.amount, 0);
        const everything = viaPercentage ? percentage('all', 1_000_000) : fixed('all', { [cur]: subtotal + 1 });
        const d = computeDiscounts([everything], cartLines, 0, cur);
        d.lines.forEach((l, i) => expect(cartLines[i].amount - l.amount).toBe(0));
      }),
      RUNS,
    );
  });
});
