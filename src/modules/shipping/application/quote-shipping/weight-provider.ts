/** Injection token of the {@link WeightProvider}. */
export const WEIGHT_PROVIDER = Symbol('WEIGHT_PROVIDER');

/**
 * Where a quote learns how heavy variants are. Catalog owns weights (`weightGrams` of its variant
 * snapshots); a variant catalog has no weight for weighs 0 g.
 */
export interface WeightProvider {
  /** Grams per unit by variant id; a variant left out weighs 0 g (a digital good, or unknown). */
  weightsOf(variantIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
}
