import fc from 'fast-check';
import { definePromotion } from '../../src/modules/promotions/domain/promotion';
import { refundUnits } from '../../src/modules/orders/domain/refund-allocation';
import { CountryTaxRules, PriceMode } from '../../src/modules/tax/domain/tax-rules';
import { cartLines, currency, customer, NOW, promotions, taxRules } from './arbitraries';
import { CartLineFacts, priceCart, PricingInput } from './price-cart';

/**
 * Promotions → tax → totals breakdown → refunds, composed as the cart and orders will compose them
 * (ADR 0107). Pure functions, no database: hand-computed carts first, then properties over random
 * carts, promotions, rates and currencies (EUR, JPY with 0 decimals, KWD with 3), with fixed seeds.
 */
const GERMANY: CountryTaxRules = {
  country: 'DE',
  rates: { standard: 190_000, books: 70_000 },
  shippingCategory: 'standard',
};
const JAPAN: CountryTaxRules = {
  country: 'JP',
  rates: { standard: 100_000, food: 80_000 },
  shippingCategory: 'standard',
};
// A 5 % VAT as in the GCC framework; shipping not taxed.
const GULF: CountryTaxRules = { country: 'KW', rates: { standard: 50_000 }, shippingCategory: null };

const line = (
  lineId: string,
  unitPrice: number,
  quantity: number,
  taxCategory: string | null = null,
): CartLineFacts => ({
  lineId,
  productId: lineId,
  categoryIds: [],
  taxCategory,
  unitPrice,
  quantity,
});
const base = (over: Partial<PricingInput>): PricingInput => ({
  currency: 'EUR',
  mode: 'tax-exclusive',
  lines: [],
  shippingPrice: null,
  codes: [],
  automatic: [],
  taxRules: null,
  customer: { customerId: 'c1', previousOrders: 0 },
  now: NOW,
  ...over,
});
const totals = (input: PricingInput) => {
  const b = priceCart(input).breakdown;
  return {
    subtotal: b.subtotal.amount,
    discountTotal: b.discountTotal.amount,
    shippingTotal: b.shippingTotal.amount,
    taxTotal: b.taxTotal.amount,
    total: b.total.amount,
    lines: b.lines.map((l) => [l.discount.amount, l.tax.amount, l.total.amount]),
    shipping: [b.shipping.discount.amount, b.shipping.tax.amount, b.shipping.total.amount],
  };
};

describe('pricing a cart, by hand', () => {
  const save10 = definePromotion({
    id: 'save10',
    code: 'SAVE10',
    combinable: true,
    benefit: { type: 'percentage', ratePpm: 100_000 },
  });
  const freeShippingOver50 = definePromotion({
    id: 'ship50',
    combinable: true,
    benefit: { type: 'free-shipping' },
    conditions: { minimumSubtotal: { EUR: 5000 } },
  });
  const germanCart = (mode: PriceMode) =>
    base({
      mode,
      lines: [line('shoes', 4990, 1), line('book', 1245, 2, 'books')],
      shippingPrice: 490,
      codes: [save10],
      automatic: [freeShippingOver50],
      taxRules: GERMANY,
    });

  it('Germany, net prices: 10 % code, free shipping over 50.00, 19 % and 7 %', () => {
    // subtotal 49.90 + 2 × 12.45 = 74.80 (≥ 50.00: free shipping applies)
    // 10 %: shoes 4.99, book 2.49 → 44.91 and 22.41; shipping 4.90 − 4.90 = 0
    // tax: 44.91 × 19 % = 8.5329 → 8.53; 22.41 × 7 % = 1.5687 → 1.57; shipping 0
    // total = 74.80 − (4.99 + 2.49 + 4.90) + 4.90 + (8.53 + 1.57) = 77.42
    expect(totals(germanCart('tax-exclusive'))).toEqual({
      subtotal: 7480,
      discountTotal: 1238,
      shippingTotal: 490,
      taxTotal: 1010,
      total: 7742,
      lines: [
        [499, 853, 5344],
        [249, 157, 2398],
      ],
      shipping: [490, 0, 0],
    });
  });

  it('Germany, gross prices: the same cart with tax inside', () => {
    // discounts as above; tax inside: 44.91 × 19/119 = 7.1705… → 7.17; 22.41 × 7/107 = 1.4660… → 1.47
    // total = 74.80 − 12.38 + 4.90 = 67.32, of which tax 8.64
    expect(totals(germanCart('tax-inclusive'))).toEqual({
      subtotal: 7480,
      discountTotal: 1238,
      shippingTotal: 490,
      taxTotal: 864,
      total: 6732,
      lines: [
        [499, 717, 4491],
        [249, 147, 2241],
      ],
      shipping: [490, 0, 0],
    });
  });

  it('Japan, gross yen: ¥500 off allocated by largest remainder, 8 % food and 10 % standard', () => {
    // tea 3 × ¥1,080 = ¥3,240, cup ¥2,200; subtotal ¥5,440
    // ¥500 × 3240/5440 = 297.79 → 297, × 2200/5440 = 202.21 → 202; 1 left → tea (.79 > .21): 298 / 202
    // tax inside: (3240 − 298) × 8/108 = 217.93 → 218; (2200 − 202) × 10/110 = 181.64 → 182;
    // shipping ¥800 × 10/110 = 72.73 → 73
    // total = 5440 − 500 + 800 = ¥5,740, of which tax ¥473
    const yen500 = definePromotion({
      id: 'y',
      code: 'YEN500',
      benefit: { type: 'fixed-amount', amounts: { JPY: 500 } },
    });
    expect(
      totals(
        base({
          currency: 'JPY',
          mode: 'tax-inclusive',
          lines: [line('tea', 1080, 3, 'food'), line('cup', 2200, 1)],
          shippingPrice: 800,
          codes: [yen500],
          taxRules: JAPAN,
        }),
      ),
    ).toEqual({
      subtotal: 5440,
      discountTotal: 500,
      shippingTotal: 800,
      taxTotal: 473,
      total: 5740,
      lines: [
        [298, 218, 2942],
        [202, 182, 1998],
      ],
      shipping: [0, 73, 800],
    });
  });

  it('Kuwaiti dinar, net fils: 100 % off one product gives exactly 0, ties round up', () => {
    // perfume 12.500 KWD in scope of the 100 % code → 0, tax 0; dates 2 × 3.125 = 6.250, not in scope
    // tax 6250 × 5 % = 312.5 fils → 313; shipping 1.500, not taxed here
    // total = 18.750 − 12.500 + 1.500 + 0.313 = 8.063 KWD
    const gift = definePromotion({
      id: 'gift',
      code: 'GIFT',
      benefit: { type: 'percentage', ratePpm: 1_000_000 },
      conditions: { scope: { productIds: ['perfume'], categoryIds: [] } },
    });
    expect(
      totals(
        base({
          currency: 'KWD',
          lines: [line('perfume', 12_500, 1), line('dates', 3125, 2)],
          shippingPrice: 1500,
          codes: [gift],
          taxRules: GULF,
        }),
      ),
    ).toEqual({
      subtotal: 18_750,
      discountTotal: 12_500,
      shippingTotal: 1500,
      taxTotal: 313,
      total: 8063,
      lines: [
        [12_500, 0, 0],
        [0, 313, 6563],
      ],
      shipping: [0, 0, 1500],
    });
  });

  it('drops an automatic promotion a non-combinable code excludes, and says why', () => {
    const fiveOff = definePromotion({
      id: 'five',
      code: 'FIVE',
      benefit: { type: 'fixed-amount', amounts: { EUR: 500 } },
    });
    const autumnSale = definePromotion({ id: 'autumn', benefit: { type: 'percentage', ratePpm: 200_000 } });
    const priced = priceCart(base({ lines: [line('a', 1000, 1)], codes: [fiveOff], automatic: [autumnSale] }));
    expect(priced.selection.applied.map((p) => p.id)).toEqual(['five']);
    expect(priced.selection.skipped).toMatchObject([{ type: 'promotion-not-combinable', promotionId: 'autumn' }]);
    expect(priced.breakdown.total.amount).toBe(500);
  });
});

describe('pricing a cart, properties', () => {
  const RUNS = { seed: 20261207, numRuns: 1000 };
  const scenario = currency.chain((cur) =>
    fc.record({
      currency: fc.constant(cur),
      mode: fc.constantFrom<PriceMode>('tax-exclusive', 'tax-inclusive'),
      lines: cartLines(cur),
      shippingPrice: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      codes: promotions(cur, true),
      automatic: promotions(cur, false),
      taxRules,
      customer,
      now: fc.constant(NOW),
    }),
  );

  it('always sums to its parts, with nothing negative and no discount above its line', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { breakdown: b } = priceCart(input);
        const tax = b.taxIncluded ? 0 : b.taxTotal.amount;
        expect(b.total.amount).toBe(b.subtotal.amount - b.discountTotal.amount + b.shippingTotal.amount + tax);
        expect(b.lines.reduce((s, l) => s + l.total.amount, 0) + b.shipping.total.amount).toBe(b.total.amount);
        for (const part of [...b.lines, b.shipping]) {
          expect(part.discount.amount).toBeLessThanOrEqual(part.amount.amount);
          expect(part.total.amount).toBeGreaterThanOrEqual(0);
          expect(part.tax.amount).toBeGreaterThanOrEqual(0);
        }
        for (const money of [b.subtotal, b.discountTotal, b.shippingTotal, b.taxTotal, b.total]) {
          expect(money.amount).toBeGreaterThanOrEqual(0);
          expect(money.currency).toBe(input.currency);
        }
      }),
      RUNS,
    );
  });

  it('leaves lines at exactly 0 under a 100 % code, whatever else applies', () => {
    const everything = definePromotion({
      id: 'all',
      code: 'ALL',
      combinable: true,
      benefit: { type: 'percentage', ratePpm: 1_000_000 },
    });
    fc.assert(
      fc.property(scenario, (input) => {
        const { breakdown: b } = priceCart({ ...input, codes: [everything], automatic: input.automatic });
        for (const l of b.lines) {
          expect(l.total.amount).toBe(0);
          expect(l.tax.amount).toBe(0);
        }
        expect(b.total.amount).toBe(b.shipping.total.amount);
      }),
      RUNS,
    );
  });

  it('refunds every line, in random chunks, to exactly what the breakdown charged', () => {
    const refundScenario = scenario.chain((input) =>
      fc.record({
        input: fc.constant(input),
        chunking: fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 10 }),
      }),
    );
    fc.assert(
      fc.property(refundScenario, ({ input, chunking }) => {
        const { breakdown: b } = priceCart(input);
        let refunded = 0;
        for (const l of b.lines) {
          const paidLine = {
            lineId: l.lineId,
            quantity: l.quantity,
            amount: l.amount.amount,
            discount: l.discount.amount,
            tax: l.tax.amount,
            taxIncluded: b.taxIncluded,
          };
          let done = 0;
          let back = 0;
          for (let i = 0; done < l.quantity; i++) {
            const units = Math.min(chunking[i % chunking.length], l.quantity - done);
            back += refundUnits(paidLine, done, units).total;
            expect(back).toBeLessThanOrEqual(l.total.amount);
            done += units;
          }
          expect(back).toBe(l.total.amount);
          refunded += back;
        }
        expect(refunded + b.shipping.total.amount).toBe(b.total.amount);
      }),
      RUNS,
    );
  });

  it('charges the same in both price modes when gross prices are the net prices plus their tax', () => {
    // Single units, no discounts: a net price list converted to gross (net + its exclusive tax)
    // gives the same tax and the same total in tax-inclusive mode.
    const singles = currency.chain((cur) =>
      fc.record({
        cur: fc.constant(cur),
        lines: cartLines(cur).map((ls) => ls.map((l) => ({ ...l, quantity: 1 }))),
        rules: taxRules,
        shipping: fc.integer({ min: 0, max: 100_000 }),
      }),
    );
    fc.assert(
      fc.property(singles, ({ cur, lines, rules, shipping }) => {
        const net = priceCart(base({ currency: cur, lines, shippingPrice: shipping, taxRules: rules })).breakdown;
        const grossLines = lines.map((l, i) => ({ ...l, unitPrice: l.unitPrice + net.lines[i].tax.amount }));
        const grossShipping = shipping + net.shipping.tax.amount;
        const gross = priceCart(
          base({
            currency: cur,
            mode: 'tax-inclusive',
            lines: grossLines,
            shippingPrice: grossShipping,
            taxRules: rules,
          }),
        ).breakdown;
        expect(gross.taxTotal.amount).toBe(net.taxTotal.amount);
        expect(gross.total.amount).toBe(net.total.amount);
        expect(gross.shipping.tax.amount).toBe(net.shipping.tax.amount);
      }),
      RUNS,
    );
  });
});
