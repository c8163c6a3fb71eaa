import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { insertIntoOutbox, toEnvelope } from '../../../../platform/messaging/kernel';
import { productPublished } from '../../application/manage-products/product-events';
import { slugify } from '../../domain/slug';
import { DEMO_CATEGORIES, demoProduct } from './demo-catalog';

export interface SeedOptions {
  /** The demo products numbered 0 to count - 1 are there afterwards. */
  readonly count: number;
  readonly batchSize?: number;
  /**
   * Publish ProductPublished for each product added (default true), through the outbox like any
   * product created over the API, so that other modules (recommendations' cards) learn of them.
   */
  readonly announce?: boolean;
  /** Called after each batch with the number of demo products looked at so far. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Loads the demo catalog with multi-row `INSERT … SELECT FROM unnest(…)` batches (one round trip
 * per table per batch), each batch in its own transaction. Additive and idempotent: a demo product
 * whose slug exists is left alone, so running it again adds nothing. Returns how many were added.
 */
export async function seedCatalog(db: DataSource, options: SeedOptions): Promise<number> {
  let added = 0;
  const batchSize = options.batchSize ?? 1000;
  const categoryIds = DEMO_CATEGORIES.map(() => uuidv7());
  await db.query(
    `INSERT INTO categories (id, slug, name) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
     ON CONFLICT (slug) DO NOTHING`,
    [categoryIds, DEMO_CATEGORIES.map((c) => slugify(c.name)), DEMO_CATEGORIES.map((c) => c.name)],
  );
  const rows = (await db.query(`SELECT id, slug FROM categories WHERE slug = ANY($1::text[])`, [
    DEMO_CATEGORIES.map((c) => slugify(c.name)),
  ])) as { id: string; slug: string }[];
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  for (let from = 0; from < options.count; from += batchSize) {
    const products = Array.from({ length: Math.min(batchSize, options.count - from) }, (_, i) => ({
      id: uuidv7(),
      ...demoProduct(from + i),
    }));
    const variants = products.flatMap((p) =>
      p.variants.map((v, position) => ({ ...v, id: uuidv7(), productId: p.id, position })),
    );
    await db.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO products (id, slug, title, description, images, category_ids, status, price_min, currency)
         SELECT id, slug, title, description, ARRAY[image], ARRAY[category], 'active', price_min, 'EUR'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::int[])
             AS t(id, slug, title, description, image, category, price_min)
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          products.map((p) => p.id),
          products.map((p) => p.slug),
          products.map((p) => p.title),
          products.map((p) => p.description),
          products.map((p) => p.images[0]),
          products.map((p) => idOf.get(slugify(DEMO_CATEGORIES[p.categoryIndex].name))),
          products.map((p) => Math.min(...p.variants.map((v) => v.amount))),
        ],
      )) as { id: string }[];
      const fresh = new Set(inserted.map((row) => row.id));
      const freshVariants = variants.filter((v) => fresh.has(v.productId));
      await m.query(
        `INSERT INTO variants (id, product_id, sku, title, position, price_amount, price_currency, on_hand)
         SELECT id, product_id, sku, title, position, amount, 'EUR', on_hand
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[])
             AS t(id, product_id, sku, title, position, amount, on_hand)`,
        [
          freshVariants.map((v) => v.id),
          freshVariants.map((v) => v.productId),
          freshVariants.map((v) => v.sku),
          freshVariants.map((v) => v.title),
          freshVariants.map((v) => v.position),
          freshVariants.map((v) => v.amount),
          freshVariants.map((v) => v.onHand),
        ],
      );
      if (options.announce ?? true) {
        const events = products
          .filter((p) => fresh.has(p.id))
          .map((p) =>
            productPublished(
              {
                id: p.id,
                slug: p.slug,
                title: p.title,
                description: p.description,
                images: p.images,
                categoryIds: [idOf.get(slugify(DEMO_CATEGORIES[p.categoryIndex].name))!],
                status: 'active',
                taxCategory: null,
              },
              freshVariants
                .filter((v) => v.productId === p.id)
                .map((v) => ({
                  id: v.id,
                  sku: v.sku,
                  title: v.title,
                  position: v.position,
                  price: { amount: v.amount, currency: 'EUR' },
                  weightGrams: null,
                  inStock: v.onHand > 0,
                })),
            ),
          );
        await insertIntoOutbox(m, events.map(toEnvelope));
      }
      added += fresh.size;
    });
    options.onProgress?.(from + products.length);
  }
  // VACUUM, not only ANALYZE: it also moves the GIN indexes' pending lists (filled by the bulk
  // insert) into the indexes, which every full-text search would otherwise scan (~8 ms at 100k).
  if (added > 0) {
    await db.query('VACUUM (ANALYZE) products');
    await db.query('VACUUM (ANALYZE) variants');
  }
  return added;
}

export async function productCount(db: DataSource): Promise<number> {
  const [row] = (await db.query('SELECT count(*)::int AS n FROM products')) as { n: number }[];
  return row.n;
}
