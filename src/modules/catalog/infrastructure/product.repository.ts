import { Injectable } from '@nestjs/common';
import { minorUnits, Money, Transaction, UnitOfWork } from '../../../platform/messaging';
import { ProductView } from '../application/catalog-views';
import { ProductSearch, ProductSearchPage } from '../application/list-products/product-search';
import { NewVariant, Product, Variant } from '../domain/product';
import { readProductDetail } from './product-detail.sql';
import { searchProducts } from './product-search.sql';
import { queryRows } from '../../../platform/database';

/**
 * The columns of a product: adding a field to `Product` is a compile error here (and in
 * `toProduct`) until it is mapped, and the lock-and-load of an edit, the INSERT and the UPDATE are
 * all made from this one list, so none of them can leave a field out.
 */
const PRODUCT_COLUMNS = {
  id: 'id',
  slug: 'slug',
  title: 'title',
  description: 'description',
  images: 'images',
  categoryIds: 'category_ids',
  status: 'status',
  taxCategory: 'tax_category',
} as const satisfies Record<keyof Product, string>;

/** The casts the array columns need as parameters. */
const PRODUCT_CASTS: Partial<Record<keyof Product, string>> = { images: '::text[]', categoryIds: '::uuid[]' };

/** A row of `products` as PRODUCT_COLUMNS reads it. */
type ProductRow = { readonly [K in keyof Product as (typeof PRODUCT_COLUMNS)[K]]: Product[K] };

const FIELDS = Object.keys(PRODUCT_COLUMNS) as (keyof Product)[];
const EDITABLE = FIELDS.filter((f) => f !== 'id');

interface VariantRow {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly position: number;
  readonly price_amount: string | number;
  readonly price_currency: string;
  readonly weight_grams: number | null;
  readonly in_stock: boolean;
}

/**
 * Products and their variants in catalog's schema, in lean SQL: the product page is a hot path
 * (docs/architecture.md §10). Reads outside a transaction go through the module's reader; writes
 * take the caller's transaction.
 */
@Injectable()
export class ProductRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The product page by id or slug, outside any transaction. */
  detail(idOrSlug: string): Promise<ProductView | undefined> {
    return readProductDetail(this.uow.reader, idOrSlug);
  }

  /** The product page as `tx` sees it (after a write of its own). */
  detailIn(tx: Transaction, id: string): Promise<ProductView | undefined> {
    return readProductDetail(tx.manager, id);
  }

  /** Locks the product for an edit and loads every field (admin writes are rare; reads never wait on it). */
  async lock(tx: Transaction, id: string): Promise<Product | undefined> {
    const [row] = await queryRows<ProductRow>(
      tx.manager,
      `SELECT ${Object.values(PRODUCT_COLUMNS).join(', ')} FROM products WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && toProduct(row);
  }

  /** The product's variants, by position. */
  async variants(tx: Transaction, productId: string): Promise<Variant[]> {
    const rows = await queryRows<VariantRow>(
      tx.manager,
      `SELECT id, sku, title, position, price_amount, price_currency, weight_grams, on_hand > reserved AS in_stock
         FROM variants WHERE product_id = $1 ORDER BY position`,
      [productId],
    );
    return rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      title: row.title,
      position: row.position,
      price: { amount: minorUnits(row.price_amount), currency: row.price_currency },
      weightGrams: row.weight_grams,
      inStock: row.in_stock,
    }));
  }

  /** Whether a product has this slug. */
  async slugTaken(tx: Transaction, slug: string): Promise<boolean> {
    return (await queryRows(tx.manager, `SELECT 1 FROM products WHERE slug = $1`, [slug])).length > 0;
  }

  /** Inserts a product with its from-price (the lowest price of its variants, in their currency). */
  async insert(tx: Transaction, product: Product, from: Money): Promise<void> {
    const columns = [...FIELDS.map((f) => PRODUCT_COLUMNS[f]), 'price_min', 'currency'];
    const values = [...FIELDS.map((f, i) => `$${i + 1}${PRODUCT_CASTS[f] ?? ''}`), `$${FIELDS.length + 1}`];
    await queryRows(
      tx.manager,
      `INSERT INTO products (${columns.join(', ')}) VALUES (${values.join(', ')}, $${FIELDS.length + 2})`,
      [...FIELDS.map((f) => product[f]), from.amount, from.currency],
    );
  }

  /** Writes every field of the product. */
  async update(tx: Transaction, product: Product): Promise<void> {
    const sets = EDITABLE.map((f, i) => `${PRODUCT_COLUMNS[f]} = $${i + 2}${PRODUCT_CASTS[f] ?? ''}`);
    await queryRows(tx.manager, `UPDATE products SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [
      product.id,
      ...EDITABLE.map((f) => product[f]),
    ]);
  }

  /** Keeps the denormalized from-price (used to filter and sort lists) in step with the variants. */
  async refreshPriceMin(tx: Transaction, productId: string): Promise<void> {
    await queryRows(
      tx.manager,
      `UPDATE products SET price_min = (SELECT min(price_amount) FROM variants WHERE product_id = $1),
              currency = (SELECT price_currency FROM variants WHERE product_id = $1 ORDER BY position LIMIT 1)
        WHERE id = $1`,
      [productId],
    );
  }

  /** Adds variants to a product, with their initial units on hand. */
  async insertVariants(tx: Transaction, productId: string, variants: readonly NewVariant[]): Promise<void> {
    await queryRows(
      tx.manager,
      `INSERT INTO variants (id, product_id, sku, title, position, price_amount, price_currency, weight_grams, on_hand)
       SELECT id, $1, sku, title, position, amount, currency, weight_grams, on_hand
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[], $8::int[], $9::int[])
           AS t(id, sku, title, position, amount, currency, weight_grams, on_hand)`,
      [
        productId,
        variants.map((v) => v.id),
        variants.map((v) => v.sku),
        variants.map((v) => v.title),
        variants.map((v) => v.position),
        variants.map((v) => v.price.amount),
        variants.map((v) => v.price.currency),
        variants.map((v) => v.weightGrams),
        variants.map((v) => v.onHand),
      ],
    );
  }

  /** Changes a variant's title, price and weight. */
  async updateVariant(
    tx: Transaction,
    id: string,
    change: { title: string; price: Money; weightGrams: number | null },
  ): Promise<void> {
    await queryRows(
      tx.manager,
      `UPDATE variants SET title = $2, price_amount = $3, price_currency = $4, weight_grams = $5, updated_at = now()
        WHERE id = $1`,
      [id, change.title, change.price.amount, change.price.currency, change.weightGrams],
    );
  }

  /** A page of active products (the list's one statement), outside any transaction. */
  search(search: ProductSearch): Promise<ProductSearchPage> {
    return searchProducts(this.uow.reader, search);
  }
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    images: row.images,
    categoryIds: row.category_ids,
    status: row.status,
    taxCategory: row.tax_category,
  };
}

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
