/** 1 when any relevant item is among the first `k` recommended, else 0. */
export function hitAtK(recommended: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return recommended.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

/**
 * Normalised discounted cumulative gain at `k` with binary relevance: the sum of 1/log2(rank+1)
 * over relevant items in the first `k`, divided by the best possible sum (all relevant items first).
 */
export function ndcgAtK(recommended: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  recommended.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** Mean of per-user values (0 for an empty list). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
