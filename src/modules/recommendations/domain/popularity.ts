import { byScoreThenId, ScoredProduct } from './similarity';

/** Reference time of the stored popularity scale (scores grow with 2^((t - epoch) / half-life)). */
export const POPULARITY_EPOCH_MS = Date.UTC(2025, 0, 1);

const DAY_MS = 86_400_000;

/**
 * The weight of a signal at time `atMs` on the stored scale. Storing `weight * 2^((t - epoch)/h)`
 * instead of a decayed value means nothing has to be rewritten as time passes: the ranking of
 * the stored sums at any moment equals the ranking of exponentially decayed counts.
 */
export function recencyScale(atMs: number, halfLifeDays: number): number {
  return Math.pow(2, (atMs - POPULARITY_EPOCH_MS) / (halfLifeDays * DAY_MS));
}

/** Turns a stored popularity into "equivalent signals as of now" (the score shown to clients). */
export function decayedPopularity(stored: number, nowMs: number, halfLifeDays: number): number {
  return stored / recencyScale(nowMs, halfLifeDays);
}

/** Recency-weighted popularity counted in memory (the evaluation's baseline and cold-start list). */
export class PopularityCounter {
  private readonly scores = new Map<string, number>();

  constructor(private readonly halfLifeDays: number) {}

  add(productId: string, atMs: number, weight: number): void {
    this.scores.set(productId, (this.scores.get(productId) ?? 0) + weight * recencyScale(atMs, this.halfLifeDays));
  }

  /** The `limit` most popular products not in `exclude`. */
  top(limit: number, exclude: ReadonlySet<string> = new Set()): ScoredProduct[] {
    const ranked = [...this.scores].map(([productId, score]) => ({ productId, score })).sort(byScoreThenId);
    const result: ScoredProduct[] = [];
    for (const item of ranked) {
      if (result.length >= limit) break;
      if (!exclude.has(item.productId)) result.push(item);
    }
    return result;
  }
}
