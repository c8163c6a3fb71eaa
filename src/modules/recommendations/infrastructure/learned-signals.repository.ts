import { EntityManager } from 'typeorm';
import { RecommendationsConfig } from '../recommendations.config';
import { recencyScale } from '../domain/popularity';
import { CART_ADD_WEIGHT, PURCHASE_WEIGHT } from '../domain/signal-weights';
import { markNeighboursStale } from './neighbour-ranking.sql';

export interface ConfirmedOrderFacts {
  readonly orderId: string;
  readonly customerId: string;
  readonly productIds: readonly string[];
  readonly confirmedAt: string;
}

export interface CartAddFacts {
  readonly cartId: string;
  readonly productId: string;
  readonly customerId: string | null;
  readonly addedAt: string;
}

/**
 * Records the raw facts learned from events and updates the derived tables incrementally, in the
 * caller's (inbox) transaction, except the neighbour lists: those are marked stale and ranked
 * again by NeighbourRefresh. Rows are always touched in product-id order to avoid deadlocks
 * between concurrent consumers.
 */
export class LearnedSignalsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly config: RecommendationsConfig,
  ) {}

  async recordOrder(order: ConfirmedOrderFacts): Promise<void> {
    const all = [...new Set(order.productIds)].sort();
    const inserted = (await this.manager.query(
      `INSERT INTO purchase (order_id, product_id, customer_id, purchased_at)
       SELECT $1, p, $2, $3 FROM unnest($4::uuid[]) AS p
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [order.orderId, order.customerId, order.confirmedAt, all],
    )) as { product_id: string }[];
    // The same order republished under another event id adds nothing it already added.
    const fresh = new Set(inserted.map((r) => r.product_id));
    if (fresh.size === 0) return;
    await this.ensureProducts(all);
    await this.addOccurrences([...fresh].sort(), PURCHASE_WEIGHT, order.confirmedAt);
    const pairs = all.flatMap((a) => all.filter((b) => b !== a && (fresh.has(a) || fresh.has(b))).map((b) => [a, b]));
    await this.addTogether(pairs, PURCHASE_WEIGHT);
    await this.manager.query(
      `INSERT INTO user_product (customer_id, product_id, purchases, last_at)
       SELECT $1, p, 1, $2 FROM unnest($3::uuid[]) AS p
       ON CONFLICT (customer_id, product_id) DO UPDATE
       SET purchases = user_product.purchases + 1, last_at = greatest(user_product.last_at, EXCLUDED.last_at)`,
      [order.customerId, order.confirmedAt, [...fresh].sort()],
    );
    await markNeighboursStale(this.manager, all);
  }

  async recordCartAdd(add: CartAddFacts): Promise<void> {
    const inserted = (await this.manager.query(
      `INSERT INTO cart_add (cart_id, product_id, customer_id, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [add.cartId, add.productId, add.customerId, add.addedAt],
    )) as unknown[];
    await this.ensureProducts([add.productId]);
    // Adding more of a product already in the cart is not a new signal.
    if (inserted.length === 0) return;
    const others = (
      (await this.manager.query('SELECT product_id FROM cart_add WHERE cart_id = $1 AND product_id <> $2', [
        add.cartId,
        add.productId,
      ])) as { product_id: string }[]
    ).map((r) => r.product_id);
    await this.addOccurrences([add.productId], CART_ADD_WEIGHT, add.addedAt);
    await this.addTogether(
      others.flatMap((o) => [
        [add.productId, o],
        [o, add.productId],
      ]),
      CART_ADD_WEIGHT,
    );
    if (add.customerId !== null) {
      await this.manager.query(
        `INSERT INTO user_product (customer_id, product_id, cart_adds, last_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (customer_id, product_id) DO UPDATE
         SET cart_adds = user_product.cart_adds + 1, last_at = greatest(user_product.last_at, EXCLUDED.last_at)`,
        [add.customerId, add.productId, add.addedAt],
      );
    }
    await markNeighboursStale(this.manager, [add.productId, ...others]);
  }

  /** Makes products known (a product is known once any event mentioned it). */
  async ensureProducts(productIds: readonly string[]): Promise<void> {
    await this.manager.query(
      'INSERT INTO product (product_id) SELECT p FROM unnest($1::uuid[]) AS p ORDER BY p ON CONFLICT DO NOTHING',
      [[...new Set(productIds)].sort()],
    );
  }

  private async addOccurrences(productIds: readonly string[], weight: number, at: string): Promise<void> {
    const scaled = weight * recencyScale(Date.parse(at), this.config.popularityHalfLifeDays);
    await this.manager.query(
      'UPDATE product SET occurrences = occurrences + $2, popularity = popularity + $3 WHERE product_id = ANY($1::uuid[])',
      [productIds, weight, scaled],
    );
  }

  private async addTogether(pairs: readonly string[][], weight: number): Promise<void> {
    if (pairs.length === 0) return;
    const sorted = [...pairs].sort(([a1, b1], [a2, b2]) => (a1 === a2 ? (b1 < b2 ? -1 : 1) : a1 < a2 ? -1 : 1));
    await this.manager.query(
      `INSERT INTO co_occurrence (product_id, other_id, weight)
       SELECT a, b, $3 FROM unnest($1::uuid[], $2::uuid[]) AS pair(a, b)
       ON CONFLICT (product_id, other_id) DO UPDATE SET weight = co_occurrence.weight + EXCLUDED.weight`,
      [sorted.map((p) => p[0]), sorted.map((p) => p[1]), weight],
    );
  }
}
