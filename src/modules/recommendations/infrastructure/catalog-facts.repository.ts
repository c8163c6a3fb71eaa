import { EntityManager } from 'typeorm';

export type ProductStatus = 'draft' | 'active' | 'archived';

/**
 * What recommendations knows of the catalog, learned from its events only: each product's status
 * and which of its variants are in stock. A product is offered when it is active (or its status is
 * unknown) and at least one known variant is in stock (or none is known).
 */
export class CatalogFactsRepository {
  constructor(private readonly manager: EntityManager) {}

  async recordProduct(productId: string, status: ProductStatus, variantIds: readonly string[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO product (product_id, status) VALUES ($1, $2)
       ON CONFLICT (product_id) DO UPDATE SET status = EXCLUDED.status`,
      [productId, status],
    );
    await this.manager.query(
      `INSERT INTO variant_stock (variant_id, product_id, in_stock)
       SELECT v, $1, true FROM unnest($2::uuid[]) AS v ORDER BY v ON CONFLICT DO NOTHING`,
      [productId, [...variantIds].sort()],
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
