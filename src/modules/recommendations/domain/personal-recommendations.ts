import { byScoreThenId, ScoredProduct } from './similarity';

/** A product in a user's history and how much it says about them (purchase 1, cart add less). */
export interface HistoryItem {
  readonly productId: string;
  readonly weight: number;
}

/**
 * Suggestions from a user's history: each candidate scores the weighted sum of its similarity to
 * the products in the history; products in `exclude` (already bought) are never suggested.
 */
export function recommendFromHistory(
  history: readonly HistoryItem[],
  neighboursOf: (productId: string) => readonly ScoredProduct[],
  exclude: ReadonlySet<string>,
  limit: number,
): ScoredProduct[] {
  const scores = new Map<string, number>();
  for (const seed of history) {
    for (const n of neighboursOf(seed.productId)) {
      if (exclude.has(n.productId)) continue;
      scores.set(n.productId, (scores.get(n.productId) ?? 0) + n.score * seed.weight);
    }
  }
  return [...scores]
    .map(([productId, score]) => ({ productId, score }))
    .sort(byScoreThenId)
    .slice(0, limit);
}

/** Fills a short list up to `limit` with fallback items it does not already hold. */
export function padWith(
  primary: readonly ScoredProduct[],
  fallback: readonly ScoredProduct[],
  limit: number,
): ScoredProduct[] {
  const seen = new Set(primary.map((p) => p.productId));
  return [...primary, ...fallback.filter((f) => !seen.has(f.productId))].slice(0, limit);
}
