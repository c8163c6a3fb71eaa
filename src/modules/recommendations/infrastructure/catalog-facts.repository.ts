import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { CardFacts, ProductStatus, VariantFacts } from '../domain/catalog-facts';

/**
 * What recommendations knows of the catalog, learned from its events only: each product's status,
 * card (title, slug, image, from-price) and which of its variants are in stock. A product is
 * offered when it is active (or its status is unknown) and at least one known variant is in stock
 * (or none is known).
 */
@Injectable()
export class CatalogFactsRepository {
  /** Records a product event's facts, in the consumer's transaction. */
  async recordProduct(
    tx: Transaction,
    productId: string,
    status: ProductStatus,
    card: CardFacts,
    variants: readonly VariantFacts[],
  ): Promise<void> {
    await tx.manager.query(
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
    await tx.manager.query(
      `INSERT INTO variant_stock (variant_id, product_id, in_stock)
       SELECT v, $1, s FROM unnest($2::uuid[], $3::boolean[]) AS t(v, s) ORDER BY v ON CONFLICT DO NOTHING`,
      [productId, sorted.map((v) => v.variantId), sorted.map((v) => v.inStock ?? true)],
    );
    await this.refreshStock(tx, productId);
  }

  /** Records whether one variant can be bought now, in the consumer's transaction. */
  async recordStock(tx: Transaction, productId: string, variantId: string, inStock: boolean): Promise<void> {
    await tx.manager.query('INSERT INTO product (product_id) VALUES ($1) ON CONFLICT DO NOTHING', [productId]);
    await tx.manager.query(
      `INSERT INTO variant_stock (variant_id, product_id, in_stock) VALUES ($1, $2, $3)
       ON CONFLICT (variant_id) DO UPDATE SET in_stock = EXCLUDED.in_stock, product_id = EXCLUDED.product_id`,
      [variantId, productId, inStock],
    );
    await this.refreshStock(tx, productId);
  }

  private async refreshStock(tx: Transaction, productId: string): Promise<void> {
    await tx.manager.query(
      `UPDATE product SET in_stock = coalesce(
         (SELECT bool_or(in_stock) FROM variant_stock WHERE product_id = $1), true)
       WHERE product_id = $1`,
      [productId],
    );
  }
}
