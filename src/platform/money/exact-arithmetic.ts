/**
 * Exact arithmetic on minor units and rates. Amounts are safe integers (`MAX_MINOR_UNITS`); a rate
 * is an integer of parts per million (19 % = 190 000 ppm, 8.875 % = 88 750 ppm). Products such as
 * amount × rate exceed 2^53 long before a shop's amounts do, so they are computed in BigInt and only
 * the rounded result comes back as a number. No floating point anywhere.
 */

/** One whole in parts per million: a rate of `PPM` is 100 %. */
export const PPM = 1_000_000;

/** True for an integer rate from 0 to 100 % inclusive, in parts per million. */
export function isRatePpm(rate: unknown): rate is number {
  return typeof rate === 'number' && Number.isInteger(rate) && rate >= 0 && rate <= PPM;
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} is beyond 2^53 − 1`);
  return result;
}

function assertOperands(values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not a non-negative safe integer`);
  }
}

/**
 * `round(a × b / c)` with ties rounded up (half-up, "commercial rounding"), for non-negative
 * integers and c > 0. Example: 1250 × 50 000 / 1 000 000 = 62.5 → 63.
 * @throws RangeError for a negative or unsafe operand, c = 0, or a result beyond 2^53 − 1.
 */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  assertOperands([a, b, c]);
  if (c === 0) throw new RangeError('Division by zero');
  const divisor = BigInt(c);
  return toSafeNumber((2n * BigInt(a) * BigInt(b) + divisor) / (2n * divisor));
}

/**
 * `floor(a × b / c)` for non-negative integers and c > 0, with the remainder of the division
 * (what the largest-remainder method ranks by). Example: 100 × 1 / 3 → { quotient: 33, remainder: 1 }.
 */
export function mulDivFloor(a: number, b: number, c: number): { quotient: number; remainder: bigint } {
  assertOperands([a, b, c]);
  if (c === 0) throw new RangeError('Division by zero');
  const product = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return { quotient: toSafeNumber(product / divisor), remainder: product % divisor };
}

/**
 * `a × b` exactly (unit price × quantity).
 * @throws RangeError for a negative or unsafe operand, or a product beyond 2^53 − 1.
 */
export function multiplyExactly(a: number, b: number): number {
  assertOperands([a, b]);
  return toSafeNumber(BigInt(a) * BigInt(b));
}

/**
 * The sum of amounts of minor units.
 * @throws RangeError when the sum is beyond 2^53 − 1 (it is never silently rounded).
 */
export function sumMinorUnits(amounts: Iterable<number>): number {
  let sum = 0n;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a safe integer`);
    sum += BigInt(amount);
  }
  return toSafeNumber(sum);
}
