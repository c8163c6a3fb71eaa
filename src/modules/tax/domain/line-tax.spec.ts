import fc from 'fast-check';
import { PPM } from '../../../platform/money';
import { taxCart, taxOf } from './line-tax';
import { CountryTaxRules } from './tax-rules';

const GERMANY: CountryTaxRules = {
  country: 'DE',
  rates: { standard: 190_000, reduced: 70_000, books: 70_000 },
  shippingCategory: 'standard',
};
const US_NEW_YORK_CITY: CountryTaxRules = { country: 'US', rates: { standard: 88_750 }, shippingCategory: null };

describe('tax per line, by hand', () => {
  it('adds tax to net prices (tax-exclusive)', () => {
    // 2 × 9.00 = 18.00 net at 19 %: 18.00 × 0.19 = 3.42 exactly.
    expect(taxOf(1800, 190_000, 'tax-exclusive')).toBe(342);
    // 10.00 at 8.875 % (New York City): 0.8875 → 0.89.
    expect(taxOf(1000, 88_750, 'tax-exclusive')).toBe(89);
    // 1.250 KWD (1250 fils) at 5 %: 62.5 fils, a tie → 63 fils.
    expect(taxOf(1250, 50_000, 'tax-exclusive')).toBe(63);
    // ¥1,234 at 10 %: ¥123.4 → ¥123.
    expect(taxOf(1234, 100_000, 'tax-exclusive')).toBe(123);
  });

  it('takes the tax out of gross prices (tax-inclusive)', () => {
    // 11.90 gross at 19 %: 11.90 × 0.19 / 1.19 = 1.90 exactly (net 10.00).
    expect(taxOf(1190, 190_000, 'tax-inclusive')).toBe(190);
    // 9.99 gross at 19 %: 9.99 × 19 / 119 = 1.59504… → 1.60 (net 8.39).
    expect(taxOf(999, 190_000, 'tax-inclusive')).toBe(160);
    // ¥1,100 gross at 10 %: ¥100 exactly; ¥1,000 gross: 90.909… → ¥91 (net ¥909).
    expect(taxOf(1100, 100_000, 'tax-inclusive')).toBe(100);
    expect(taxOf(1000, 100_000, 'tax-inclusive')).toBe(91);
    // 2.000 KWD gross at 5 %: 2000 × 5 / 105 = 95.238… → 95 fils.
    expect(taxOf(2000, 50_000, 'tax-inclusive')).toBe(95);
  });

  it('rounds the tax itself on a tie, in both modes', () => {
    // £0.09 gross at 20 %: tax = 9 × 0.2 / 1.2 = 1.5p → 2p, net 7p. (Rounding the net instead,
    // round(9 / 1.2 = 7.5) = 8p, would leave 1p of tax: ADR 0107 explains the choice.)
    expect(taxOf(9, 200_000, 'tax-inclusive')).toBe(2);
    // Net 7p at 20 % is 1.4p → 1p, so the gross price is 8p; from 8p gross, 8 × 0.2 / 1.2 = 1.33p → 1p again.
    expect(taxOf(7, 200_000, 'tax-exclusive')).toBe(1);
    expect(taxOf(8, 200_000, 'tax-inclusive')).toBe(1);
  });

  it('taxes nothing at 0 % and nothing of 0', () => {
    expect(taxOf(12_345, 0, 'tax-inclusive')).toBe(0);
    expect(taxOf(0, 190_000, 'tax-exclusive')).toBe(0);
    expect(() => taxOf(100, PPM + 1, 'tax-exclusive')).toThrow(RangeError);
    expect(() => taxOf(-1, 190_000, 'tax-exclusive')).toThrow(RangeError);
  });
});

describe('taxCart', () => {
  it('rates each line by its category, unknown categories at standard, and shipping by the country rule', () => {
    const lines = [
      { lineId: 'novel', taxCategory: 'books', amount: 2000 }, // 20.00 × 7 % = 1.40
      { lineId: 'mug', taxCategory: null, amount: 1000 }, // 10.00 × 19 % = 1.90
      { lineId: 'gift-card', taxCategory: 'vouchers', amount: 500 }, // not rated in DE → standard: 0.95
    ];
    expect(taxCart(GERMANY, 'tax-exclusive', lines, 490)).toEqual({
      lines: [
        { lineId: 'novel', ratePpm: 70_000, tax: 140 },
        { lineId: 'mug', ratePpm: 190_000, tax: 190 },
        { lineId: 'gift-card', ratePpm: 190_000, tax: 95 },
      ],
      // 4.90 × 19 % = 0.931 → 0.93
      shipping: { ratePpm: 190_000, tax: 93 },
    });
  });

  it('leaves shipping untaxed where the country says so, and taxes nothing where there are no rules', () => {
    const lines = [{ lineId: 'a', taxCategory: null, amount: 1000 }];
    expect(taxCart(US_NEW_YORK_CITY, 'tax-exclusive', lines, 500).shipping).toEqual({ ratePpm: 0, tax: 0 });
    expect(taxCart(null, 'tax-inclusive', lines, 500)).toEqual({
      lines: [{ lineId: 'a', ratePpm: 0, tax: 0 }],
      shipping: { ratePpm: 0, tax: 0 },
    });
  });
});

describe('tax per line, properties', () => {
  const RUNS = { seed: 20261204, numRuns: 5000 };
  const amount = fc.integer({ min: 0, max: 99 * 100 * 1_000_000_000 });
  const rate = fc.oneof(
    fc.constantFrom(0, 50_000, 70_000, 88_750, 100_000, 190_000, 200_000, 270_000),
    fc.integer({ min: 0, max: PPM }),
  );

  it('is within half a minor unit of the exact tax, ties up', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        // exclusive: tax − a·r/1e6 ∈ (−½, ½] (ties up)  ⇔  −1e6 < 2·(tax·1e6 − a·r) ≤ 1e6
        const ex = 2n * (BigInt(taxOf(a, r, 'tax-exclusive')) * BigInt(PPM) - BigInt(a) * BigInt(r));
        expect(ex > -BigInt(PPM) && ex <= BigInt(PPM)).toBe(true);
        const d = BigInt(PPM + r);
        const inc = 2n * (BigInt(taxOf(a, r, 'tax-inclusive')) * d - BigInt(a) * BigInt(r));
        expect(inc > -d && inc <= d).toBe(true);
      }),
      RUNS,
    );
  });

  it('never takes more tax out of a gross amount than the amount', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const tax = taxOf(a, r, 'tax-inclusive');
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(tax).toBeLessThanOrEqual(a);
      }),
      RUNS,
    );
  });

  it('agrees from both sides: net → gross by exclusive tax, then inclusive tax of that gross is the same', () => {
    fc.assert(
      fc.property(amount, rate, (net, r) => {
        const tax = taxOf(net, r, 'tax-exclusive');
        expect(taxOf(net + tax, r, 'tax-inclusive')).toBe(tax);
      }),
      RUNS,
    );
  });
});
