import { rankNeighbours, ScoredProduct } from './similarity';

/**
 * Item-to-item co-occurrence counts held in memory: the same model the read model keeps in
 * Postgres (`product.occurrences`, `co_occurrence`), used by the offline evaluation and by tests.
 */
export class CoOccurrenceModel {
  private readonly occurrences = new Map<string, number>();
  private readonly together = new Map<string, Map<string, number>>();

  /** Counts one basket (an order or a cart): each distinct product once, each pair once. */
  addBasket(products: Iterable<string>, weight: number): void {
    const distinct = [...new Set(products)];
    for (const a of distinct) {
      this.occurrences.set(a, (this.occurrences.get(a) ?? 0) + weight);
      let row = this.together.get(a);
      if (!row) this.together.set(a, (row = new Map()));
      for (const b of distinct) if (a !== b) row.set(b, (row.get(b) ?? 0) + weight);
    }
  }

  occurrencesOf(productId: string): number {
    return this.occurrences.get(productId) ?? 0;
  }

  togetherCount(a: string, b: string): number {
    return this.together.get(a)?.get(b) ?? 0;
  }

  /** The top `n` neighbours of one product by cosine similarity. */
  neighboursOf(productId: string, n: number): ScoredProduct[] {
    const row = this.together.get(productId);
    if (!row) return [];
    const candidates = [...row].map(([other, together]) => ({
      productId: other,
      together,
      occurrences: this.occurrencesOf(other),
    }));
    return rankNeighbours(this.occurrencesOf(productId), candidates, n);
  }

  /** Top-`n` neighbour lists of every product (what a full rebuild stores). */
  allNeighbours(n: number): Map<string, ScoredProduct[]> {
    const all = new Map<string, ScoredProduct[]>();
    for (const productId of this.together.keys()) all.set(productId, this.neighboursOf(productId, n));
    return all;
  }
}
