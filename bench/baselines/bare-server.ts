/**
 * The bare baseline: Fastify + pg, no Nest, no ORM, no buses, running the same SQL as each Arcade
 * route it stands beside (imported from the modules where it is a constant, captured from the
 * module's own function otherwise), on a pool of the same size. Started by the runner as a child
 * process; answers `{ type: 'ready', port }` over IPC.
 *
 *   GET  /catalog/products/:slug      product detail (catalog's detail query)
 *   GET  /catalog/products            search (catalog's searchProducts SQL)
 *   POST /carts/:id/items             snapshot query + one transaction: lock cart, save line, outbox row
 *                                     (in bench_bare.outbox, which nothing delivers)
 *   POST /checkout                    one transaction: reserve stock + order row + payment row
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Pool, PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ProductSearch } from '../../src/modules/catalog/application/list-products/product-search';
import { searchProducts } from '../../src/modules/catalog/infrastructure/product-search.sql';
import { DETAIL_BY_SLUG_SQL } from '../../src/modules/catalog/infrastructure/product-detail.sql';
import { VARIANT_SNAPSHOTS_SQL } from '../../src/modules/catalog/infrastructure/variant.repository';
import { FIND_CART_FOR_UPDATE_SQL, SAVE_CART_SQL } from '../../src/modules/cart/infrastructure/cart.repository';

/** The SQL (text and parameters) a module function would run, captured without running it. */
async function capture(run: (m: EntityManager) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  let captured = { sql: '', params: [] as unknown[] };
  const fake = { query: async (sql: string, params: unknown[] = []) => ((captured = { sql, params }), []) };
  await run(fake as unknown as EntityManager);
  return captured;
}

async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

interface LineJson {
  id: string;
  variant_id: string;
  quantity: number;
  unit_price_amount: number;
  added_at: string;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL!;
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const catalog = new Pool({ connectionString: url, max, options: '-c search_path=catalog' });
  const cart = new Pool({ connectionString: url, max, options: '-c search_path=cart' });
  const bare = new Pool({ connectionString: url, max, options: '-c search_path=bench_bare,catalog' });
  await bare.query(`
    CREATE SCHEMA IF NOT EXISTS bench_bare;
    CREATE TABLE IF NOT EXISTS bench_bare.orders (
      id uuid PRIMARY KEY, customer_id uuid NOT NULL, status text NOT NULL, total bigint NOT NULL,
      lines jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS bench_bare.payments (
      id uuid PRIMARY KEY, order_id uuid NOT NULL, amount bigint NOT NULL, status text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  const categories = new Map(
    (await catalog.query<{ id: string; slug: string }>(`SELECT id, slug FROM categories`)).rows.map((c) => [
      c.slug,
      c.id,
    ]),
  );

  const app = Fastify();
  app.get('/catalog/products/:slug', async (req, reply) => {
    const { rows } = await catalog.query(DETAIL_BY_SLUG_SQL, [(req.params as { slug: string }).slug]);
    return rows[0] ?? reply.code(404).send();
  });
  app.get('/catalog/products', async (req) => {
    const q = req.query as Record<string, string>;
    const search: ProductSearch = {
      q: q.q,
      status: 'active',
      categoryId: q.category ? categories.get(q.category) : undefined,
      minPrice: q.minPrice ? Number(q.minPrice) : undefined,
      maxPrice: q.maxPrice ? Number(q.maxPrice) : undefined,
      inStock: q.inStock ? q.inStock === 'true' : undefined,
      sort: (q.sort as ProductSearch['sort']) ?? (q.q ? 'relevance' : 'newest'),
      limit: Number(q.limit ?? 20),
    };
    const { sql, params } = await capture((m) => searchProducts(m, search));
    const { rows } = await catalog.query(sql, params);
    return { items: rows.slice(0, search.limit), nextCursor: null };
  });
  app.post('/carts/:id/items', async (req, reply) => {
    const cartId = (req.params as { id: string }).id;
    const { variantId, quantity } = req.body as { variantId: string; quantity: number };
    const { rows: variants } = await catalog.query(VARIANT_SNAPSHOTS_SQL, [[variantId]]);
    const v = variants[0] as { productId: string; sku: string; title: string; amount: number; currency: string };
    if (!v) return reply.code(404).send();
    const lines = await inTransaction(cart, async (c) => {
      const { rows } = await c.query(FIND_CART_FOR_UPDATE_SQL, [cartId]);
      if (!rows[0]) return undefined;
      const current = rows[0].lines as LineJson[];
      const now = new Date();
      const existing = current.find((l) => l.variant_id === variantId);
      const line = {
        id: existing?.id ?? uuidv7(),
        quantity: (existing?.quantity ?? 0) + quantity,
        addedAt: existing ? new Date(existing.added_at) : now,
      };
      await c.query(SAVE_CART_SQL, [
        cartId,
        null,
        'open',
        now,
        [],
        [line.id],
        [variantId],
        [v.productId],
        [v.sku],
        [v.title],
        [line.quantity],
        [v.amount],
        [v.currency],
        [v.amount],
        [v.currency],
        [now],
        [line.addedAt],
        // No shipping method chosen (the bench's carts never choose one before adding).
        null,
        null,
        null,
        null,
        null,
        false,
        // No promotion codes; the line's tax category and category ids (issue 19) as catalog's snapshot has none.
        [],
        [null],
        ['{}'],
      ]);
      // An outbox of its own: in cart.outbox, Arcade's relay would deliver these rows to its consumers.
      const eventId = uuidv7();
      const correlationId = randomUUID();
      await c.query(
        `INSERT INTO bench_bare.outbox (id, kind, type, correlation_id, causation_id, body) VALUES ($1, 'event', 'cart.CartItemAdded.v1', $2, NULL, $3)`,
        [
          eventId,
          correlationId,
          {
            eventId,
            occurredAt: now.toISOString(),
            correlationId,
            causationId: null,
            payload: { cartId, customerId: null, variantId, productId: v.productId, quantity },
          },
        ],
      );
      return [...current.filter((l) => l.id !== line.id), { id: line.id, variantId, quantity: line.quantity }];
    });
    if (!lines) return reply.code(404).send();
    return reply.code(201).send({ id: cartId, items: lines });
  });
  app.post('/checkout', async (req, reply) => {
    const { variantId, quantity, customerId } = req.body as { variantId: string; quantity: number; customerId: string };
    const order = await inTransaction(bare, async (c) => {
      const { rows } = await c.query(
        `UPDATE variants SET reserved = reserved + $2, updated_at = now()
          WHERE id = $1 AND on_hand - reserved >= $2 RETURNING price_amount`,
        [variantId, quantity],
      );
      const id = uuidv7();
      const total = rows[0] ? Number(rows[0].price_amount) * quantity : 0;
      const status = rows[0] ? 'confirmed' : 'cancelled';
      await c.query(`INSERT INTO orders (id, customer_id, status, total, lines) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        customerId,
        status,
        total,
        JSON.stringify([{ variantId, quantity }]),
      ]);
      if (rows[0]) {
        await c.query(`INSERT INTO payments (id, order_id, amount, status) VALUES ($1, $2, $3, 'captured')`, [
          uuidv7(),
          id,
          total,
        ]);
      }
      return { id, status };
    });
    return reply.code(201).send(order);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ type: 'ready', port: (app.server.address() as AddressInfo).port });
  process.on('message', (m: { id: number; type: string }) => {
    if (m.type === 'rss') process.send!({ id: m.id, rss: process.memoryUsage().rss });
    if (m.type === 'stop') {
      void app
        .close()
        .then(() => Promise.all([catalog.end(), cart.end(), bare.end()]))
        .then(() => {
          process.send!({ id: m.id });
          process.exit(0);
        });
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
