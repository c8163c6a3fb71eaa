import { EntityManager } from 'typeorm';
import { minorUnits, Money } from '../../../platform/messaging';
import { isUuid } from '../../../platform/ids';
import { queryRows } from './sql';

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface ProductView {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly status: ProductStatus;
  readonly categories: { id: string; slug: string; name: string }[];
  readonly variants: { id: string; sku: string; title: string; price: Money; available: number }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProductRow {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly category_ids: string[];
  readonly status: ProductStatus;
}

export interface VariantRow {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly position: number;
  readonly price_amount: number;
  readonly price_currency: string;
  /** Units are available (on hand and not reserved). */
  readonly in_stock: boolean;
}

export interface NewVariant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly position: number;
  readonly price: Money;
  readonly onHand: number;
}

/** The product detail in one round trip: product, categories and variants aggregated as JSON. */
const DETAIL = `
  SELECT p.id, p.slug, p.title, p.description, p.images, p.status,
         to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
         to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name) ORDER BY c.name)
                     FROM categories c WHERE c.id = ANY (p.category_ids)), '[]') AS categories,
         coalesce((SELECT json_agg(json_build_object(
                     'id', v.id, 'sku', v.sku, 'title', v.title,
                     'price', json_build_object('amount', v.price_amount, 'currency', v.price_currency),
                     'available', greatest(v.on_hand - v.reserved, 0)) ORDER BY v.position)
                     FROM variants v WHERE v.product_id = p.id), '[]') AS variants
    FROM products p`;

export const ProductRepository = {
  async detail(m: EntityManager, idOrSlug: string): Promise<ProductView | undefined> {
    const [row] = isUuid(idOrSlug)
      ? await queryRows<ProductView>(m, `${DETAIL} WHERE p.id = $1`, [idOrSlug])
      : await queryRows<ProductView>(m, `${DETAIL} WHERE p.slug = $1`, [idOrSlug]);
    return row;
  },

  /** Locks the product row for an edit (admin writes are rare; reads never wait on it). */
  async lock(m: EntityManager, id: string): Promise<ProductRow | undefined> {
    const [row] = await queryRows<ProductRow>(
      m,
      `SELECT id, slug, title, description, images, category_ids, status FROM products WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  },

  async variants(m: EntityManager, productId: string): Promise<VariantRow[]> {
    const rows = await queryRows<VariantRow & { price_amount: string }>(
      m,
      `SELECT id, sku, title, position, price_amount, price_currency, on_hand > reserved AS in_stock
         FROM variants WHERE product_id = $1 ORDER BY position`,
      [productId],
    );
    return rows.map((row) => ({ ...row, price_amount: minorUnits(row.price_amount) }));
  },

  async slugTaken(m: EntityManager, slug: string): Promise<boolean> {
    return (await queryRows(m, `SELECT 1 FROM products WHERE slug = $1`, [slug])).length > 0;
  },

  async insert(m: EntityManager, product: ProductRow, priceMin: number, currency: string): Promise<void> {
    await queryRows(
      m,
      `INSERT INTO products (id, slug, title, description, images, category_ids, status, price_min, currency)
       VALUES ($1, $2, $3, $4, $5::text[], $6::uuid[], $7, $8, $9)`,
      [
        product.id,
        product.slug,
        product.title,
        product.description,
        product.images,
        product.category_ids,
        product.status,
        priceMin,
        currency,
      ],
    );
  },

  async update(m: EntityManager, product: ProductRow): Promise<void> {
    await queryRows(
      m,
      `UPDATE products SET slug = $2, title = $3, description = $4, images = $5::text[], category_ids = $6::uuid[],
              status = $7, updated_at = now() WHERE id = $1`,
      [
        product.id,
        product.slug,
        product.title,
        product.description,
        product.images,
        product.category_ids,
        product.status,
      ],
    );
  },

  /** Keeps the denormalized from-price (used to filter and sort lists) in step with the variants. */
  async refreshPriceMin(m: EntityManager, productId: string): Promise<void> {
    await queryRows(
      m,
      `UPDATE products SET price_min = (SELECT min(price_amount) FROM variants WHERE product_id = $1),
              currency = (SELECT price_currency FROM variants WHERE product_id = $1 ORDER BY position LIMIT 1)
        WHERE id = $1`,
      [productId],
    );
  },

  async insertVariants(m: EntityManager, productId: string, variants: readonly NewVariant[]): Promise<void> {
    await queryRows(
      m,
      `INSERT INTO variants (id, product_id, sku, title, position, price_amount, price_currency, on_hand)
       SELECT id, $1, sku, title, position, amount, currency, on_hand
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[], $8::int[])
           AS t(id, sku, title, position, amount, currency, on_hand)`,
      [
        productId,
        variants.map((v) => v.id),
        variants.map((v) => v.sku),
        variants.map((v) => v.title),
        variants.map((v) => v.position),
        variants.map((v) => v.price.amount),
        variants.map((v) => v.price.currency),
        variants.map((v) => v.onHand),
      ],
    );
  },

  async updateVariant(m: EntityManager, id: string, title: string, price: Money): Promise<void> {
    await queryRows(
      m,
      `UPDATE variants SET title = $2, price_amount = $3, price_currency = $4, updated_at = now() WHERE id = $1`,
      [id, title, price.amount, price.currency],
    );
  },

  /** Ids of the given categories that exist. */
  async existingCategories(m: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(m, `SELECT id FROM categories WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.id));
  },

  async categoryIdOf(m: EntityManager, idOrSlug: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      m,
      isUuid(idOrSlug) ? `SELECT id FROM categories WHERE id = $1` : `SELECT id FROM categories WHERE slug = $1`,
      [idOrSlug],
    );
    return row?.id;
  },
};

/** Maps a unique violation to the field it concerns, for a 409 instead of a 500. */
export function uniqueViolationOf(error: unknown): 'slug' | 'sku' | undefined {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const constraint = e.driverError?.constraint ?? e.constraint ?? '';
  if (code !== '23505') return undefined;
  if (constraint.includes('sku')) return 'sku';
  if (constraint.includes('slug')) return 'slug';
  return undefined;
}
