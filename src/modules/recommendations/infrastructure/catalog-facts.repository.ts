import { EntityManager } from 'typeorm';

export type ProductStatus = 'draft' | 'active' | 'archived';

/** What a product card shows, as catalog last announced it. */
export interface CardFacts {
  readonly title: string;
  /** Absent in catalog events published before 0.2: the last known value is kept. */
  readonly slug?: string;
  readonly images?: readonly string[];
  /** The variants' prices in minor units (the card shows the lowest) and their one currency. */
  readonly prices: readonly number[];
  readonly currency: string | undefined;
}

/** The card of a product as a catalog product event describes it. */
export function cardOf(product: {
  readonly title: string;
  readonly slug?: string;
  readonly images?: readonly string[];
  readonly variants: readonly { readonly price: { readonly amount: number; readonly currency: string } }[];
}): CardFacts {
  return {
    title: product.title,
    slug: product.slug,
    images: product.images,
    prices: product.variants.map((v) => v.price.amount),
    currency: product.variants[0]?.price.currency,
  };
}

export interface VariantFacts {
  readonly variantId: string;
  /** Unknown (absent from older events) counts as in stock until an availability event says otherwise. */
  readonly inStock?: boolean;
}

/**
 * What recommendations knows of the catalog, learned from its events only: each product's status,
 * card (title, slug, image, from-price) and which of its variants are in stock. A product is
 * offered when it is active (or its status is unknown) and at least one known variant is in stock
 * (or none is known).
 */
export class CatalogFactsRepository {
  constructor(private readonly manager: EntityManager) {}

  async recordProduct(
    productId: string,
    status: ProductStatus,
    card: CardFacts,
    variants: readonly VariantFacts[],
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO product (product_id, status, title, slug, image, price_amount, price_currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (product_id) DO UPDATE SET status = EXCLUDED.status, title = EXCLUDED.title,
         slug = coalesce(EXCLUDED.slug, product.slug),
         image = CASE WHEN $8 THEN EXCLUDED.image ELSE product.image END,
         price_amount = EXCLUDED.price_amount, price_currency = EXCLUDED.price_currency`,
      [
        productId,
        status,
        card.title,
        card.slug ?? null,
        card.images?.[0] ?? null,
        card.prices.length > 0 ? Math.min(...card.prices) : null,
        card.currency ?? null,
        card.images !== undefined,
      ],
    );
    // Known stock facts stay (availability events are newer than what a product event says).
    const sorted = [...variants].sort((a, b) => a.variantId.localeCompare(b.variantId));
    await this.manager.query(
      `INSERT INTO variant_stock (variant_id, product_id, in_stock)
       SELECT v, $1, s FROM unnest($2::uuid[], $3::boolean[]) AS t(v, s) ORDER BY v ON CONFLICT DO NOTHING`,
      [productId, sorted.map((v) => v.variantId), sorted.map((v) => v.inStock ?? true)],
    );
    await this.refreshStock(productId);
  }

  async recordStock(productId: string, variantId: string, inStock: boolean): Promise<void> {
    await this.manager.query('INSERT INTO product (product_id) VALUES ($1) ON CONFLICT DO NOTHING', [productId]);
    await this.manager.query(
      `INSERT INTO variant_stock (variant_id, product_id, in_stock) VALUES ($1, $2, $3)
       ON CONFLICT (variant_id) DO UPDATE SET in_stock = EXCLUDED.in_stock, product_id = EXCLUDED.product_id`,
      [variantId, productId, inStock],
    );
    await this.refreshStock(productId);
  }

  private async refreshStock(productId: string): Promise<void> {
    await this.manager.query(
      `UPDATE product SET in_stock = coalesce(
         (SELECT bool_or(in_stock) FROM variant_stock WHERE product_id = $1), true)
       WHERE product_id = $1`,
      [productId],
    );
  }
}
