/** A product ranked next to another, with its similarity score. */
export interface ScoredProduct {
  readonly productId: string;
  readonly score: number;
}

/** A product seen in baskets together with the one whose neighbours are being ranked. */
export interface CoOccurrence {
  readonly productId: string;
  /** Weighted number of baskets holding both products. */
  readonly together: number;
  /** Weighted number of baskets holding this product. */
  readonly occurrences: number;
}

/**
 * Cosine similarity of two products' basket vectors (weighted, binary per basket):
 * |A∩B| / sqrt(|A|·|B|). Symmetric, in [0, 1], and it discounts a product that co-occurs with
 * everything only because it is in every basket (see docs/adr/0103-item-to-item-similarity.md).
 */
export function cosineSimilarity(together: number, occurrencesA: number, occurrencesB: number): number {
  if (together <= 0 || occurrencesA <= 0 || occurrencesB <= 0) return 0;
  return together / Math.sqrt(occurrencesA * occurrencesB);
}

/** Highest score first; ties broken by product id so every implementation agrees on the order. */
export function byScoreThenId(a: ScoredProduct, b: ScoredProduct): number {
  return b.score - a.score || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);
}

/** The top `n` neighbours of a product that occurs in `occurrences` (weighted) baskets. */
export function rankNeighbours(occurrences: number, candidates: Iterable<CoOccurrence>, n: number): ScoredProduct[] {
  const scored: ScoredProduct[] = [];
  for (const c of candidates) {
    const score = cosineSimilarity(c.together, occurrences, c.occurrences);
    if (score > 0) scored.push({ productId: c.productId, score });
  }
  return scored.sort(byScoreThenId).slice(0, n);
}
