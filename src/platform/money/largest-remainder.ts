import { mulDivFloor, sumMinorUnits } from './exact-arithmetic';

/**
 * Splits `total` minor units across parts in proportion to their `weights` by the largest-remainder
 * (Hamilton) method: each part first gets `floor(total × weight / Σ weights)`, then the minor units
 * left over go one each to the parts with the largest remainders of that division; equal remainders
 * go to the earlier part. The shares always sum to exactly `total`, each is within one minor unit of
 * its exact proportional share, and a part of weight 0 gets 0.
 *
 * When `total ≤ Σ weights` (the caller caps the total), no share exceeds its weight: a part whose
 * exact share is fractional is strictly below its weight before it gets its extra unit.
 *
 * Example: 100 across weights [100, 100, 100] → exact shares 33.33… each → [34, 33, 33].
 * @throws RangeError for a negative or unsafe amount, or a positive total with all weights 0.
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = sumMinorUnits(weights);
  if (weightSum === 0) {
    if (total !== 0) throw new RangeError(`Cannot split ${total} across parts that all weigh 0`);
    return weights.map(() => 0);
  }
  const divisions = weights.map((weight) => mulDivFloor(total, weight, weightSum));
  const shares = divisions.map((division) => division.quotient);
  let leftover = total - sumMinorUnits(shares);
  const byRemainder = divisions
    .map((division, index) => ({ index, remainder: division.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    shares[index] += 1;
    leftover -= 1;
  }
  return shares;
}
