import fc from 'fast-check';
import { isRatePpm, mulDivFloor, mulDivHalfUp, multiplyExactly, PPM, sumMinorUnits } from './exact-arithmetic';

const RUNS = { seed: 20261201, numRuns: 2000 };
const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('exact arithmetic on minor units', () => {
  it('rounds half-up, by hand', () => {
    expect(mulDivHalfUp(1250, 50_000, PPM)).toBe(63); // 62.5 → 63
    expect(mulDivHalfUp(1249, 50_000, PPM)).toBe(62); // 62.45 → 62
    expect(mulDivHalfUp(1000, 88_750, PPM)).toBe(89); // 88.75 → 89
    expect(mulDivHalfUp(9, 1, 6)).toBe(2); // 1.5 → 2
    expect(mulDivHalfUp(0, 190_000, PPM)).toBe(0);
  });

  it('is exact where floating point is not', () => {
    // 2^53 − 1 × 3 / 3 in doubles loses the last digit; BigInt keeps it.
    expect(mulDivHalfUp(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    expect(mulDivFloor(Number.MAX_SAFE_INTEGER, PPM, PPM).quotient).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rounds to the nearest integer, ties up (property)', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: PPM }), fc.integer({ min: 1, max: PPM }), (a, b, c) => {
        fc.pre((BigInt(a) * BigInt(b)) / BigInt(c) <= BigInt(Number.MAX_SAFE_INTEGER));
        const rounded = BigInt(mulDivHalfUp(a, b, c));
        const twice = 2n * BigInt(a) * BigInt(b);
        // |a·b/c − rounded| ≤ 1/2, and exactly 1/2 only below (ties go up).
        expect(twice - 2n * rounded * BigInt(c)).toBeLessThan(BigInt(c));
        expect(twice - 2n * rounded * BigInt(c)).toBeGreaterThanOrEqual(-BigInt(c));
        const { quotient, remainder } = mulDivFloor(a, b, c);
        expect(BigInt(quotient) * BigInt(c) + remainder).toBe(BigInt(a) * BigInt(b));
        expect(remainder).toBeLessThan(BigInt(c));
      }),
      RUNS,
    );
  });

  it('refuses what it cannot do exactly', () => {
    expect(() => mulDivHalfUp(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivHalfUp(0.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivHalfUp(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    expect(() => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(multiplyExactly(999_999_999, 99)).toBe(98_999_999_901);
    expect(() => multiplyExactly(2 ** 52, 2)).toThrow(RangeError);
    expect(sumMinorUnits([Number.MAX_SAFE_INTEGER, 1, -1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('knows a rate from 0 to 100 %', () => {
    expect([0, 190_000, PPM].every(isRatePpm)).toBe(true);
    expect([-1, PPM + 1, 0.5, '19'].some(isRatePpm)).toBe(false);
  });
});
