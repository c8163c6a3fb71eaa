/** Injection token of the {@link WeightProvider}. */
export const WEIGHT_PROVIDER = Symbol('WEIGHT_PROVIDER');

/**
 * Where a quote learns how heavy variants are. Catalog owns weights (issue 18 stage 2 adds
 * `weightGrams` to its variant snapshots); until then the adapter knows none and every variant
 * weighs 0 g, so weight bands price every cart at their first band.
 */
export interface WeightProvider {
  /** Grams per unit by variant id; a variant left out weighs 0 g (a digital good, or unknown). */
  weightsOf(variantIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
}
