import { CoOccurrenceModel } from '../co-occurrence-model';
import { padWith, recommendFromHistory } from '../personal-recommendations';
import { POPULARITY_EPOCH_MS, PopularityCounter } from '../popularity';
import { PURCHASE_WEIGHT } from '../signal-weights';
import { ScoredProduct } from '../similarity';
import { hitAtK, mean, ndcgAtK } from './metrics';
import { Basket, holdOutLastOrders, PurchaseLine, toBaskets } from './purchase-history';

export interface EvaluationOptions {
  readonly k: number;
  /** Neighbours kept per product, as in the read model. */
  readonly neighbours: number;
  readonly halfLifeDays: number;
  /** Time between consecutive orders (orders carry no time of their own in a CSV). */
  readonly msBetweenOrders: number;
}

export interface Scores {
  readonly hitRate: number;
  readonly ndcg: number;
}

export interface EvaluationReport {
  readonly lines: number;
  readonly orders: number;
  readonly products: number;
  /** Users whose held-out order holds at least one product they had not bought before. */
  readonly testUsers: number;
  readonly itemToItem: Scores;
  readonly popularity: Scores;
}

/**
 * Leave-last-order-out evaluation: trains on every order but each user's last, asks both
 * recommenders for `k` products the user has not bought yet, and scores them against the new
 * products of the held-out order. Item-to-item is padded with popular items like the API does.
 */
export function evaluateRecommenders(lines: readonly PurchaseLine[], options: EvaluationOptions): EvaluationReport {
  const baskets = toBaskets(lines);
  const { training, heldOut } = holdOutLastOrders(baskets);
  const model = new CoOccurrenceModel();
  const popularity = new PopularityCounter(options.halfLifeDays);
  const bought = new Map<string, Set<string>>();
  for (const basket of training) {
    model.addBasket(basket.products, PURCHASE_WEIGHT);
    const at = POPULARITY_EPOCH_MS + basket.sequence * options.msBetweenOrders;
    for (const p of basket.products) popularity.add(p, at, PURCHASE_WEIGHT);
    const own = bought.get(basket.user) ?? new Set<string>();
    basket.products.forEach((p) => own.add(p));
    bought.set(basket.user, own);
  }
  const neighbours = model.allNeighbours(options.neighbours);
  const neighboursOf = (id: string): readonly ScoredProduct[] => neighbours.get(id) ?? [];

  const hits = { item: [] as number[], pop: [] as number[] };
  const gains = { item: [] as number[], pop: [] as number[] };
  for (const test of heldOut) {
    const own = bought.get(test.user) ?? new Set<string>();
    const relevant = new Set(test.products.filter((p) => !own.has(p)));
    if (relevant.size === 0) continue;
    const popular = popularity.top(options.k, own);
    const history = [...own].map((productId) => ({ productId, weight: PURCHASE_WEIGHT }));
    const similar = padWith(recommendFromHistory(history, neighboursOf, own, options.k), popular, options.k);
    const ids = (items: readonly ScoredProduct[]) => items.map((i) => i.productId);
    hits.item.push(hitAtK(ids(similar), relevant, options.k));
    gains.item.push(ndcgAtK(ids(similar), relevant, options.k));
    hits.pop.push(hitAtK(ids(popular), relevant, options.k));
    gains.pop.push(ndcgAtK(ids(popular), relevant, options.k));
  }
  return {
    lines: lines.length,
    orders: baskets.length,
    products: countProducts(baskets),
    testUsers: hits.item.length,
    itemToItem: { hitRate: mean(hits.item), ndcg: mean(gains.item) },
    popularity: { hitRate: mean(hits.pop), ndcg: mean(gains.pop) },
  };
}

function countProducts(baskets: readonly Basket[]): number {
  return new Set(baskets.flatMap((b) => b.products)).size;
}
