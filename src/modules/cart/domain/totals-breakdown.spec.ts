import fc from 'fast-check';
import { BreakdownInput, composeBreakdown, TotalsBreakdown } from './totals-breakdown';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const amounts = (b: TotalsBreakdown) => ({
  subtotal: b.subtotal.amount,
  discountTotal: b.discountTotal.amount,
  shippingTotal: b.shippingTotal.amount,
  taxTotal: b.taxTotal.amount,
  total: b.total.amount,
});

describe('composeBreakdown, by hand', () => {
  it('adds tax on top when prices are net, and shows free shipping as price and discount', () => {
    // 2 × 9.00 = 18.00, 10 % off = 1.80, tax 19 % of 16.20 = 3.078 → 3.08;
    // shipping 4.90, free shipping −4.90, tax of 0.00 = 0.
    // total = 18.00 − (1.80 + 4.90) + 4.90 + 3.08 = 19.28
    const b = composeBreakdown({
      currency: 'EUR',
      taxIncluded: false,
      lines: [{ lineId: 'a', unitPrice: eur(900), quantity: 2, discount: eur(180), tax: eur(308) }],
      shipping: { price: eur(490), discount: eur(490), tax: eur(0) },
    });
    expect(amounts(b)).toEqual({ subtotal: 1800, discountTotal: 670, shippingTotal: 490, taxTotal: 308, total: 1928 });
    expect(b.lines[0].total).toEqual(eur(1928));
    expect(b.shipping.total).toEqual(eur(0));
  });

  it('does not add tax that is already in gross prices', () => {
    // 11.90 + 2 × 5.95 = 23.80 gross; tax 19/119 of each: 1.90 + 1.90 = 3.80 "of which tax";
    // shipping 4.90 gross, of which 0.78 tax (4.90 × 19/119 = 0.7823…).
    // total = 23.80 − 0 + 4.90 = 28.70; taxTotal 4.58 is inside it.
    const b = composeBreakdown({
      currency: 'EUR',
      taxIncluded: true,
      lines: [
        { lineId: 'a', unitPrice: eur(1190), quantity: 1, discount: eur(0), tax: eur(190) },
        { lineId: 'b', unitPrice: eur(595), quantity: 2, discount: eur(0), tax: eur(190) },
      ],
      shipping: { price: eur(490), discount: eur(0), tax: eur(78) },
    });
    expect(amounts(b)).toEqual({ subtotal: 2380, discountTotal: 0, shippingTotal: 490, taxTotal: 458, total: 2870 });
  });

  it('ends at exactly 0 for a line discounted by 100 %', () => {
    const b = composeBreakdown({
      currency: 'JPY',
      taxIncluded: false,
      lines: [
        {
          lineId: 'a',
          unitPrice: { amount: 1, currency: 'JPY' },
          quantity: 3,
          discount: { amount: 3, currency: 'JPY' },
          tax: { amount: 0, currency: 'JPY' },
        },
      ],
      shipping: null,
    });
    expect(amounts(b)).toEqual({ subtotal: 3, discountTotal: 3, shippingTotal: 0, taxTotal: 0, total: 0 });
    expect(b.shipping.total).toEqual({ amount: 0, currency: 'JPY' });
  });

  it('refuses inputs that cannot make a breakdown', () => {
    const line = { lineId: 'a', unitPrice: eur(100), quantity: 1, discount: eur(0), tax: eur(0) };
    const compose = (over: Partial<BreakdownInput>) =>
      composeBreakdown({ currency: 'EUR', taxIncluded: false, lines: [line], shipping: null, ...over });
    const code = (over: Partial<BreakdownInput>) => {
      try {
        compose(over);
        return 'composed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(code({ lines: [{ ...line, tax: { amount: 0, currency: 'USD' } }] })).toBe('currency-mismatch');
    expect(code({ shipping: { price: { amount: 1, currency: 'GBP' }, discount: eur(0), tax: eur(0) } })).toBe(
      'currency-mismatch',
    );
    expect(code({ lines: [{ ...line, quantity: 0 }] })).toBe('invalid-amount');
    expect(code({ lines: [{ ...line, unitPrice: eur(1.5) }] })).toBe('invalid-amount');
    expect(code({ lines: [{ ...line, discount: eur(-1) }] })).toBe('invalid-amount');
    expect(code({ lines: [{ ...line, discount: eur(101) }] })).toBe('discount-exceeds-amount');
    expect(code({ lines: [{ ...line, discount: eur(50), tax: eur(51) }] })).toBe('tax-exceeds-amount');
    expect(() => compose({ lines: [{ ...line, unitPrice: eur(2 ** 52), quantity: 2 }] })).toThrow(RangeError);
  });
});

describe('composeBreakdown, properties', () => {
  const RUNS = { seed: 20261205, numRuns: 1000 };
  const part = (max: number) =>
    fc
      .integer({ min: 0, max })
      .chain((amount) =>
        fc
          .integer({ min: 0, max: amount })
          .chain((discount) =>
            fc.integer({ min: 0, max: amount - discount }).map((tax) => ({ amount, discount, tax })),
          ),
      );
  // A line: unit price and quantity, a discount up to unit × quantity, a tax up to what is left.
  const line = fc
    .tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 99 }))
    .chain(([unit, quantity]) => part(unit * quantity).map(({ discount, tax }) => ({ unit, quantity, discount, tax })));

  it('sums its parts to the whole, line by line and in total, and nothing is negative', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        fc.boolean(),
        fc.array(line, { maxLength: 100 }),
        fc.option(part(10_000_000), { nil: null }),
        (currency, taxIncluded, lines, shipping) => {
          const money = (amount: number) => ({ amount, currency });
          const b = composeBreakdown({
            currency,
            taxIncluded,
            lines: lines.map((l, i) => ({
              lineId: `l${i}`,
              unitPrice: money(l.unit),
              quantity: l.quantity,
              discount: money(l.discount),
              tax: money(l.tax),
            })),
            shipping: shipping && {
              price: money(shipping.amount),
              discount: money(shipping.discount),
              tax: money(shipping.tax),
            },
          });
          const t = amounts(b);
          expect(t.total).toBe(t.subtotal - t.discountTotal + t.shippingTotal + (taxIncluded ? 0 : t.taxTotal));
          expect(b.lines.reduce((s, l) => s + l.total.amount, 0) + b.shipping.total.amount).toBe(t.total);
          expect(b.lines.reduce((s, l) => s + l.discount.amount, 0) + b.shipping.discount.amount).toBe(t.discountTotal);
          expect(b.lines.reduce((s, l) => s + l.tax.amount, 0) + b.shipping.tax.amount).toBe(t.taxTotal);
          for (const value of [...Object.values(t), ...b.lines.map((l) => l.total.amount), b.shipping.total.amount]) {
            expect(value).toBeGreaterThanOrEqual(0);
          }
          if (taxIncluded) expect(t.taxTotal).toBeLessThanOrEqual(t.total);
          for (const m of [b.subtotal, b.discountTotal, b.shippingTotal, b.taxTotal, b.total])
            expect(m.currency).toBe(currency);
        },
      ),
      RUNS,
    );
  });
});
