import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction } from '../../../platform/messaging';
import { ConfirmedOrderFacts, CartAddFacts } from '../domain/learned-facts';
import { recencyScale } from '../domain/popularity';
import { CART_ADD_WEIGHT, PURCHASE_WEIGHT } from '../domain/signal-weights';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../recommendations.config';
import { markNeighboursStale } from './neighbour-ranking.sql';

/**
 * Records the raw facts learned from events and updates the derived tables incrementally, in the
 * caller's (inbox) transaction, except the neighbour lists: those are marked stale and ranked
 * again by StaleNeighboursSweeper. Rows are always touched in product-id order to avoid deadlocks
 * between concurrent consumers.
 */
@Injectable()
export class LearnedSignalsRepository {
  constructor(@Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig) {}

  /** Learns from a confirmed order, in the consumer's transaction (a repeated order adds nothing). */
  async recordOrder(tx: Transaction, order: ConfirmedOrderFacts): Promise<void> {
    const manager = tx.manager;
    const all = [...new Set(order.productIds)].sort();
    const inserted = (await manager.query(
      `INSERT INTO purchase (order_id, product_id, customer_id, purchased_at)
       SELECT $1, p, $2, $3 FROM unnest($4::uuid[]) AS p
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [order.orderId, order.customerId, order.confirmedAt, all],
    )) as { product_id: string }[];
    // The same order republished under another event id adds nothing it already added.
    const fresh = new Set(inserted.map((r) => r.product_id));
    if (fresh.size === 0) return;
    await this.ensureProducts(manager, all);
    await this.addOccurrences(manager, [...fresh].sort(), PURCHASE_WEIGHT, order.confirmedAt);
    const pairs = all.flatMap((a) => all.filter((b) => b !== a && (fresh.has(a) || fresh.has(b))).map((b) => [a, b]));
    await this.addTogether(manager, pairs, PURCHASE_WEIGHT);
    await manager.query(
      `INSERT INTO user_product (customer_id, product_id, purchases, last_at)
       SELECT $1, p, 1, $2 FROM unnest($3::uuid[]) AS p
       ON CONFLICT (customer_id, product_id) DO UPDATE
       SET purchases = user_product.purchases + 1, last_at = greatest(user_product.last_at, EXCLUDED.last_at)`,
      [order.customerId, order.confirmedAt, [...fresh].sort()],
    );
    await markNeighboursStale(manager, all);
  }

  /** Learns from an add-to-cart, in the consumer's transaction (more of a product already added adds nothing). */
  async recordCartAdd(tx: Transaction, add: CartAddFacts): Promise<void> {
    const manager = tx.manager;
    const inserted = (await manager.query(
      `INSERT INTO cart_add (cart_id, product_id, customer_id, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING product_id`,
      [add.cartId, add.productId, add.customerId, add.addedAt],
    )) as unknown[];
    await this.ensureProducts(manager, [add.productId]);
    // Adding more of a product already in the cart is not a new signal.
    if (inserted.length === 0) return;
    const others = (
      (await manager.query('SELECT product_id FROM cart_add WHERE cart_id = $1 AND product_id <> $2', [
        add.cartId,
        add.productId,
      ])) as { product_id: string }[]
    ).map((r) => r.product_id);
    await this.addOccurrences(manager, [add.productId], CART_ADD_WEIGHT, add.addedAt);
    await this.addTogether(
      manager,
      others.flatMap((o) => [
        [add.productId, o],
        [o, add.productId],
      ]),
      CART_ADD_WEIGHT,
    );
    if (add.customerId !== null) {
      await manager.query(
        `INSERT INTO user_product (customer_id, product_id, cart_adds, last_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (customer_id, product_id) DO UPDATE
         SET cart_adds = user_product.cart_adds + 1, last_at = greatest(user_product.last_at, EXCLUDED.last_at)`,
        [add.customerId, add.productId, add.addedAt],
      );
    }
    await markNeighboursStale(manager, [add.productId, ...others]);
  }

  /** Makes products known (a product is known once any event mentioned it). */
  private async ensureProducts(manager: EntityManager, productIds: readonly string[]): Promise<void> {
    await manager.query(
      'INSERT INTO product (product_id) SELECT p FROM unnest($1::uuid[]) AS p ORDER BY p ON CONFLICT DO NOTHING',
      [[...new Set(productIds)].sort()],
    );
  }

  private async addOccurrences(
    manager: EntityManager,
    productIds: readonly string[],
    weight: number,
    at: string,
  ): Promise<void> {
    const scaled = weight * recencyScale(Date.parse(at), this.config.popularityHalfLifeDays);
    await manager.query(
      'UPDATE product SET occurrences = occurrences + $2, popularity = popularity + $3 WHERE product_id = ANY($1::uuid[])',
      [productIds, weight, scaled],
    );
  }

  private async addTogether(manager: EntityManager, pairs: readonly string[][], weight: number): Promise<void> {
    if (pairs.length === 0) return;
    const sorted = [...pairs].sort(([a1, b1], [a2, b2]) => (a1 === a2 ? (b1 < b2 ? -1 : 1) : a1 < a2 ? -1 : 1));
    await manager.query(
      `INSERT INTO co_occurrence (product_id, other_id, weight)
       SELECT a, b, $3 FROM unnest($1::uuid[], $2::uuid[]) AS pair(a, b)
       ON CONFLICT (product_id, other_id) DO UPDATE SET weight = co_occurrence.weight + EXCLUDED.weight`,
      [sorted.map((p) => p[0]), sorted.map((p) => p[1]), weight],
    );
  }
}
