import fc from 'fast-check';
import { allocateByLargestRemainder } from './largest-remainder';

const RUNS = { seed: 20261202, numRuns: 2000 };

describe('allocateByLargestRemainder', () => {
  it('splits by hand', () => {
    // 100 × 100/300 = 33.33 each; 1 left over goes to the first of the equal remainders.
    expect(allocateByLargestRemainder(100, [100, 100, 100])).toEqual([34, 33, 33]);
    // 1000 over 3000, 2000, 5000: exact 300, 200, 500.
    expect(allocateByLargestRemainder(1000, [3000, 2000, 5000])).toEqual([300, 200, 500]);
    // 10 over 1, 2, 7 (Σ 10): exact.
    expect(allocateByLargestRemainder(10, [1, 2, 7])).toEqual([1, 2, 7]);
    // 5 over 3, 3, 1 (Σ 7): 2.14, 2.14, 0.71 → floors 2, 2, 0, remainders 1, 1, 5 → the third gets the unit.
    expect(allocateByLargestRemainder(5, [3, 3, 1])).toEqual([2, 2, 1]);
    expect(allocateByLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateByLargestRemainder(1, [0, 0])).toThrow(RangeError);
  });

  it('sums exactly, stays within one unit of the exact share, never above a weight (property)', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 99 * 1_000_000_000 }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(
        weights.filter((w) => w.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (w, fraction) => {
          const sum = w.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * fraction);
          const shares = allocateByLargestRemainder(total, w);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(w[i]);
            // |share − total·w/Σ| < 1, in integers: |share·Σ − total·w| < Σ.
            const gap = BigInt(share) * BigInt(sum) - BigInt(total) * BigInt(w[i]);
            expect(gap < BigInt(sum) && gap > -BigInt(sum)).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });
});
