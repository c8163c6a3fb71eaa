import fc from 'fast-check';
import { PaidLine, refundUnits, RefundRuleViolation } from './refund-allocation';

const paid = (line: PaidLine) => line.amount - line.discount + (line.taxIncluded ? 0 : line.tax);

describe('refundUnits, by hand', () => {
  // 3 × 10.00 = 30.00, 5.00 off → 25.00 net, 19 % tax = 4.75, paid 29.75.
  const net: PaidLine = { lineId: 'a', quantity: 3, amount: 3000, discount: 500, tax: 475, taxIncluded: false };

  it('refunds the discounted, taxed amount of the units, the remainder on the last unit', () => {
    // Per unit: net floor(2500 / 3) = 8.33, tax floor(475 / 3) = 1.58 → 9.91; discount floor(500 / 3) = 1.66.
    expect(refundUnits(net, 0, 1)).toEqual({ lineId: 'a', units: 1, total: 991, tax: 158, discount: 166, amount: 999 });
    expect(refundUnits(net, 1, 1)).toEqual({ lineId: 'a', units: 1, total: 991, tax: 158, discount: 166, amount: 999 });
    // The last: net 25.00 − 16.66 = 8.34, tax 4.75 − 3.16 = 1.59 → 9.93; discount 5.00 − 3.32 = 1.68.
    expect(refundUnits(net, 2, 1)).toEqual({
      lineId: 'a',
      units: 1,
      total: 993,
      tax: 159,
      discount: 168,
      amount: 1002,
    });
    // 9.91 + 9.91 + 9.93 = 29.75: exactly what was paid. At once, the same:
    expect(refundUnits(net, 0, 3).total).toBe(2975);
    // Two, then the last one: 19.82 + 9.93.
    expect(refundUnits(net, 0, 2).total + refundUnits(net, 2, 1).total).toBe(2975);
  });

  it('refunds gross amounts with the tax inside when prices include tax', () => {
    // 4 × 5.95 gross = 23.80, 3.00 off → 20.80 paid, of which 20.80 × 19/119 = 3.3210… → 3.32 tax,
    // net 17.48. Per unit: net 4.37 + tax 0.83 = 5.20 (exactly a quarter); discount 0.75.
    const gross: PaidLine = { lineId: 'g', quantity: 4, amount: 2380, discount: 300, tax: 332, taxIncluded: true };
    expect(refundUnits(gross, 0, 1)).toEqual({ lineId: 'g', units: 1, total: 520, tax: 83, discount: 75, amount: 595 });
    expect(refundUnits(gross, 0, 4)).toEqual({
      lineId: 'g',
      units: 4,
      total: 2080,
      tax: 332,
      discount: 300,
      amount: 2380,
    });
  });

  it('keeps the tax of cheap units inside what they refund', () => {
    // 10 × ¥4 gross at 29 %: tax round(40 × 29/129 = 8.99) = ¥9; net ¥31. Per unit: net 3 + tax 0 = ¥3;
    // the last unit: net 31 − 27 = 4, tax 9 → ¥13. Splitting the gross alone (¥4 each) would put
    // ¥9 of tax in a ¥4 refund.
    const cheap: PaidLine = { lineId: 'c', quantity: 10, amount: 40, discount: 0, tax: 9, taxIncluded: true };
    expect(refundUnits(cheap, 0, 1)).toMatchObject({ total: 3, tax: 0 });
    expect(refundUnits(cheap, 9, 1)).toMatchObject({ total: 13, tax: 9 });
  });

  it('refunds nothing of a line discounted by 100 %', () => {
    const free: PaidLine = { lineId: 'f', quantity: 2, amount: 1000, discount: 1000, tax: 0, taxIncluded: false };
    expect(refundUnits(free, 0, 2)).toEqual({ lineId: 'f', units: 2, total: 0, tax: 0, discount: 1000, amount: 1000 });
  });

  it('refuses more units than the line has, or no units', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof RefundRuleViolation ? error.code : 'other';
      }
    };
    expect(codeOf(() => refundUnits(net, 2, 2))).toBe('refund-exceeds-quantity');
    expect(codeOf(() => refundUnits(net, 3, 1))).toBe('refund-exceeds-quantity');
    expect(codeOf(() => refundUnits(net, 0, 0))).toBe('invalid-units');
    expect(codeOf(() => refundUnits(net, -1, 1))).toBe('invalid-units');
    expect(codeOf(() => refundUnits(net, 0, 1.5))).toBe('invalid-units');
  });
});

describe('refundUnits, properties', () => {
  const RUNS = { seed: 20261206, numRuns: 1000 };
  const paidLine = fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 1_000_000_000 }), fc.boolean())
    .chain(([quantity, unit, taxIncluded]) =>
      fc
        .integer({ min: 0, max: unit * quantity })
        .chain((discount) =>
          fc
            .integer({ min: 0, max: unit * quantity - discount })
            .map((tax): PaidLine => ({ lineId: 'l', quantity, amount: unit * quantity, discount, tax, taxIncluded })),
        ),
    );
  // A line and a random split of its units into refunds (sizes ≥ 1, summing to the quantity).
  const refunded = paidLine.chain((line) =>
    fc.array(fc.integer({ min: 1, max: line.quantity }), { minLength: 1, maxLength: line.quantity }).map((sizes) => {
      const chunks: number[] = [];
      let left = line.quantity;
      for (const size of sizes) {
        if (left === 0) break;
        chunks.push(Math.min(size, left));
        left -= chunks.at(-1)!;
      }
      if (left > 0) chunks.push(left);
      return { line, chunks };
    }),
  );

  it('never pays back more than was paid, and all refunds add up to exactly what was paid', () => {
    fc.assert(
      fc.property(refunded, ({ line, chunks }) => {
        let done = 0;
        let back = 0;
        let taxBack = 0;
        for (const units of chunks) {
          const r = refundUnits(line, done, units);
          for (const part of [r.total, r.tax, r.discount, r.amount, r.total - r.tax])
            expect(part).toBeGreaterThanOrEqual(0);
          expect(r.total).toBe(r.amount - r.discount + (line.taxIncluded ? 0 : r.tax));
          done += units;
          back += r.total;
          taxBack += r.tax;
          expect(back).toBeLessThanOrEqual(paid(line));
          // Before the last unit, nothing beyond the proportional share has been paid back.
          if (done < line.quantity) expect(back * line.quantity).toBeLessThanOrEqual(paid(line) * done);
        }
        expect(back).toBe(paid(line));
        expect(taxBack).toBe(line.tax);
      }),
      RUNS,
    );
  });

  it('refunds unit by unit to exactly what was paid', () => {
    fc.assert(
      fc.property(paidLine, (line) => {
        let back = 0;
        for (let done = 0; done < line.quantity; done++) back += refundUnits(line, done, 1).total;
        expect(back).toBe(paid(line));
      }),
      RUNS,
    );
  });
});
