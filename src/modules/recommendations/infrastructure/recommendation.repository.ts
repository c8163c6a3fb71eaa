import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { columnsOf } from '../../../platform/database';
import { decayedPopularity } from '../domain/popularity';
import { ProductCard, Recommendation } from '../domain/recommendation';
import { CART_ADD_WEIGHT, HISTORY_SEEDS, PURCHASE_WEIGHT } from '../domain/signal-weights';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../recommendations.config';

interface CardRow {
  readonly product_id: string;
  readonly slug: string | null;
  readonly title: string;
  readonly image: string | null;
  readonly price_amount: string | null;
  readonly price_currency: string | null;
  readonly available: boolean;
}

/**
 * The columns of a card: adding a field to `ProductCard` is a compile error here until it is
 * mapped (the price is two columns: amount and currency).
 */
const CARD_COLUMNS = {
  id: 'product_id',
  slug: 'slug',
  title: 'title',
  image: 'image',
  price: 'price_amount, price_currency',
  inStock: 'available',
} satisfies Record<keyof ProductCard, string>;

const CARDS = `
  SELECT ${columnsOf(CARD_COLUMNS)}
  FROM product WHERE product_id = ANY($1::uuid[]) AND title IS NOT NULL`;

interface Row {
  readonly product_id: string | null;
  readonly score: number | null;
  readonly tier: number | null;
}

// Each reply is one statement over the read model: similar products first, padded with popular
// ones (cold start), offered products only. `$1` is the subject, `$2` the limit.
const POPULAR_FILL = (exclude: string) => `
  SELECT p.product_id, p.popularity AS score, 1 AS tier FROM product p
  WHERE p.available AND p.popularity > 0 AND ${exclude}
  ORDER BY p.popularity DESC, p.product_id LIMIT $2`;

const SIMILAR_TO_PRODUCT = `
  WITH related AS (
    SELECT n.neighbour_id AS product_id, n.score, 0 AS tier
    FROM neighbour n JOIN product p ON p.product_id = n.neighbour_id
    WHERE n.product_id = $1 AND p.available
    ORDER BY n.score DESC, n.neighbour_id LIMIT $2
  ), popular AS (${POPULAR_FILL('p.product_id <> $1 AND p.product_id NOT IN (SELECT product_id FROM related)')})
  SELECT r.product_id, r.score, r.tier FROM product t
  LEFT JOIN LATERAL (
    SELECT * FROM (SELECT * FROM related UNION ALL SELECT * FROM popular) u ORDER BY tier, score DESC, product_id LIMIT $2
  ) r ON true
  WHERE t.product_id = $1`;

const FOR_CUSTOMER = `
  WITH history AS (
    SELECT product_id, purchases > 0 AS bought,
           CASE WHEN purchases > 0 THEN ${PURCHASE_WEIGHT}::float8 ELSE ${CART_ADD_WEIGHT}::float8 END AS weight
    FROM user_product WHERE customer_id = $1 ORDER BY last_at DESC LIMIT ${HISTORY_SEEDS}
  ), related AS (
    SELECT n.neighbour_id AS product_id, sum(n.score * h.weight) AS score, 0 AS tier
    FROM history h
    JOIN neighbour n ON n.product_id = h.product_id
    JOIN product p ON p.product_id = n.neighbour_id AND p.available
    WHERE NOT EXISTS (
      SELECT 1 FROM user_product b WHERE b.customer_id = $1 AND b.product_id = n.neighbour_id AND b.purchases > 0)
    GROUP BY n.neighbour_id ORDER BY 2 DESC, 1 LIMIT $2
  ), popular AS (${POPULAR_FILL(`p.product_id NOT IN (SELECT product_id FROM related)
      AND NOT EXISTS (SELECT 1 FROM user_product b WHERE b.customer_id = $1 AND b.product_id = p.product_id AND b.purchases > 0)`)})
  SELECT * FROM (SELECT * FROM related UNION ALL SELECT * FROM popular) u ORDER BY tier, score DESC, product_id LIMIT $2`;

const POPULAR = `${POPULAR_FILL('$1::uuid IS NULL')}`;

/**
 * The read side: one prepared, indexed statement per reply, sent on the module's own pool (named
 * statements are parsed and planned once per connection; the ORM query path would not reuse them).
 */
@Injectable()
export class RecommendationRepository {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource('recommendations') dataSource: DataSource,
    @Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig,
  ) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /** Products bought with this one; `undefined` when no event ever mentioned the product. */
  async similarTo(productId: string, limit: number): Promise<Recommendation[] | undefined> {
    const rows = await this.run('recs_similar_to_product', SIMILAR_TO_PRODUCT, [productId, limit]);
    if (rows.length === 0) return undefined;
    return this.withCards(this.toRecommendations(rows));
  }

  /** Suggestions from the customer's history, never what they already bought; padded with popular ones. */
  async forCustomer(customerId: string, limit: number): Promise<Recommendation[]> {
    return this.withCards(
      this.toRecommendations(await this.run('recs_for_customer', FOR_CUSTOMER, [customerId, limit])),
    );
  }

  /** The most bought products lately (recency-weighted). */
  async popular(limit: number): Promise<Recommendation[]> {
    return this.withCards(this.toRecommendations(await this.run('recs_popular', POPULAR, [null, limit])));
  }

  private async run<T extends object = Row>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>({ name, text, values })).rows;
  }

  /** Adds each product's card (one indexed read for the whole list). */
  private async withCards(items: readonly Omit<Recommendation, 'product'>[]): Promise<Recommendation[]> {
    if (items.length === 0) return [];
    const rows = await this.run<CardRow>('recs_cards', CARDS, [items.map((item) => item.productId)]);
    const cards = new Map(rows.map((row) => [row.product_id, row]));
    return items.map((item) => {
      const row = cards.get(item.productId);
      return {
        ...item,
        product: row ? toCard(row) : null,
      };
    });
  }

  private toRecommendations(rows: readonly Row[]): Omit<Recommendation, 'product'>[] {
    const now = Date.now();
    return rows.flatMap((row) =>
      row.product_id === null || row.score === null
        ? []
        : [
            row.tier === 0
              ? { productId: row.product_id, score: row.score, reason: 'bought-together' as const }
              : {
                  productId: row.product_id,
                  score: decayedPopularity(row.score, now, this.config.popularityHalfLifeDays),
                  reason: 'popular' as const,
                },
          ],
    );
  }
}

function toCard(row: CardRow): ProductCard {
  return {
    id: row.product_id,
    slug: row.slug,
    title: row.title,
    image: row.image,
    price:
      row.price_amount === null || row.price_currency === null
        ? null
        : { amount: Number(row.price_amount), currency: row.price_currency },
    inStock: row.available,
  };
}
