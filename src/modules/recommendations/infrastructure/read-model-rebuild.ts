import { DataSource, EntityManager } from 'typeorm';
import { POPULARITY_EPOCH_MS } from '../domain/popularity';
import { CART_ADD_WEIGHT, PURCHASE_WEIGHT } from '../domain/signal-weights';
import { RecommendationsConfig } from '../recommendations.config';
import { rankedNeighboursSql } from './neighbour-ranking.sql';

export interface RebuildReport {
  readonly purchases: number;
  readonly cartAdds: number;
  readonly pairs: number;
  readonly neighbours: number;
  readonly steps: readonly { readonly step: string; readonly ms: number }[];
}

/**
 * Recomputes every derived table (occurrences, popularity, co-occurrences, neighbours, user
 * history) from the raw facts, in one transaction: readers see the old model until it commits,
 * and consumers wait (their fact tables are share-locked) so no event is half-counted.
 */
export async function rebuildReadModel(dataSource: DataSource, config: RecommendationsConfig): Promise<RebuildReport> {
  return dataSource.transaction(async (manager) => {
    const steps: { step: string; ms: number }[] = [];
    const step = async (name: string, sql: string, params: unknown[] = []): Promise<void> => {
      const started = performance.now();
      await manager.query(sql, params);
      steps.push({ step: name, ms: Math.round(performance.now() - started) });
    };
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    await step('lock facts', 'LOCK TABLE purchase, cart_add IN SHARE MODE');
    await step('clear derived', 'TRUNCATE co_occurrence, neighbour, user_product, stale_neighbours');
    await step(
      'occurrences and popularity',
      `UPDATE product p SET occurrences = coalesce(s.occurrences, 0), popularity = coalesce(s.popularity, 0)
       FROM product q LEFT JOIN (
         SELECT product_id, sum(w) AS occurrences,
                sum(w * power(2::float8, (extract(epoch FROM at) * 1000 - $1) / ($2 * 86400000.0))) AS popularity
         FROM (SELECT product_id, $3::float8 AS w, purchased_at AS at FROM purchase
               UNION ALL SELECT product_id, $4::float8, added_at FROM cart_add) facts
         GROUP BY product_id
       ) s ON s.product_id = q.product_id
       WHERE p.product_id = q.product_id`,
      [POPULARITY_EPOCH_MS, config.popularityHalfLifeDays, PURCHASE_WEIGHT, CART_ADD_WEIGHT],
    );
    await step(
      'co-occurrences',
      `INSERT INTO co_occurrence (product_id, other_id, weight)
       SELECT product_id, other_id, sum(w) FROM (
         SELECT a.product_id, b.product_id AS other_id, $1::float8 AS w
         FROM purchase a JOIN purchase b ON b.order_id = a.order_id AND b.product_id <> a.product_id
         UNION ALL
         SELECT a.product_id, b.product_id, $2::float8
         FROM cart_add a JOIN cart_add b ON b.cart_id = a.cart_id AND b.product_id <> a.product_id
       ) pairs GROUP BY product_id, other_id`,
      [PURCHASE_WEIGHT, CART_ADD_WEIGHT],
    );
    // Fresh statistics, or the planner takes the just-truncated table for empty (nested loops).
    await step('analyze counts', 'ANALYZE product, co_occurrence');
    await step('neighbours', `INSERT INTO neighbour (product_id, neighbour_id, score) ${rankedNeighboursSql()}`, [
      config.neighbours,
    ]);
    await step(
      'user history',
      `INSERT INTO user_product (customer_id, product_id, purchases, cart_adds, last_at)
       SELECT customer_id, product_id, sum(purchases), sum(cart_adds), max(at) FROM (
         SELECT customer_id, product_id, 1 AS purchases, 0 AS cart_adds, purchased_at AS at FROM purchase
         UNION ALL
         SELECT customer_id, product_id, 0, 1, added_at FROM cart_add WHERE customer_id IS NOT NULL
       ) facts GROUP BY customer_id, product_id`,
    );
    await step('analyze', 'ANALYZE neighbour, user_product');
    return { ...(await counts(manager)), steps };
  });
}

async function counts(manager: EntityManager): Promise<Omit<RebuildReport, 'steps'>> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*) FROM purchase)::int AS purchases, (SELECT count(*) FROM cart_add)::int AS "cartAdds",
            (SELECT count(*) FROM co_occurrence)::int AS pairs, (SELECT count(*) FROM neighbour)::int AS neighbours`,
  )) as Omit<RebuildReport, 'steps'>[];
  return row;
}
