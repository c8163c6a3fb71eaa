/**
 * Catalog read throughput and latency on a seeded catalog (default 100,000 products):
 * product list (search + filter) and product detail through the whole app (Nest + Fastify +
 * the catalog module's SQL), against a bare baseline (Fastify + pg running the same SQL) in the
 * same run. Throughput is measured closed-loop; latency at a fixed rate (-R) to avoid coordinated omission.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node -r ./test/support/swc-register.cjs bench/catalog-reads.ts [--count N]
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { createApp } from '../src/create-app';
import { seedCatalog } from '../src/modules/catalog/infrastructure/seed/catalog-seeder';
import { ProductRepository } from '../src/modules/catalog/infrastructure/product.repository';
import { ProductSearch, searchProducts } from '../src/modules/catalog/infrastructure/product-search.sql';
import { loadConfig } from '../src/platform/config';
import { ModuleDataSources } from '../src/platform/database';
import { createBenchDatabase } from './support/bench-database';

const COUNT_ARG = process.argv.indexOf('--count');
const COUNT = COUNT_ARG > 0 ? Number(process.argv[COUNT_ARG + 1]) : 100_000;
const CONNECTIONS = 32;
const DURATION_S = 8;

const LIST_QUERIES = [
  'q=kettle&category=kitchen&limit=20',
  'q=wool&inStock=true&sort=price&limit=20',
  'category=apparel&minPrice=2000&maxPrice=5000&sort=-price&limit=20',
  'q=leather%20boot&limit=20',
  'inStock=true&limit=20',
];

/** The SQL (text and parameters) the module would run, captured without running it. */
async function capture(run: (m: EntityManager) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  let captured = { sql: '', params: [] as unknown[] };
  const fake = { query: async (sql: string, params: unknown[] = []) => ((captured = { sql, params }), []) };
  await run(fake as unknown as EntityManager);
  return captured;
}

async function measure(label: string, port: number, paths: readonly string[], rate?: number) {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: rate ? 8 : CONNECTIONS,
    duration: rate ? 5 : DURATION_S,
    overallRate: rate,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  return { label, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function main(): Promise<void> {
  const database = await createBenchDatabase(`arcade_bench_catalog_${process.pid}`);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MODULES: 'catalog',
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, { database });
  const bare = Fastify();
  let pool: Pool | undefined;
  try {
    const db = app.get(ModuleDataSources).get('catalog') as DataSource;
    const started = Date.now();
    await seedCatalog(db, { count: COUNT, batchSize: 2000 });
    console.log(`seeded ${COUNT} products in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const slugs = (
      (await db.query(`SELECT slug FROM products ORDER BY random() LIMIT 2000`)) as { slug: string }[]
    ).map((r) => r.slug);
    await app.listen(0, '127.0.0.1');
    const appPort = (app.getHttpServer().address() as AddressInfo).port;

    // The bare baseline: the same SQL through pg, with the same pool size, no framework.
    pool = new Pool({
      connectionString: (db.options as { url: string }).url,
      max: config.database.poolSize,
      options: '-c search_path=catalog',
    });
    const categories = new Map(
      ((await db.query(`SELECT id, slug FROM categories`)) as { id: string; slug: string }[]).map((c) => [
        c.slug,
        c.id,
      ]),
    );
    const detailSql = await capture((m) => ProductRepository.detail(m, 'slug'));
    bare.get('/catalog/products/:slug', async (req, reply) => {
      const { rows } = await pool!.query(detailSql.sql, [(req.params as { slug: string }).slug]);
      return rows[0] ?? reply.code(404).send();
    });
    bare.get('/catalog/products', async (req) => {
      const q = req.query as Record<string, string>;
      const search: ProductSearch = {
        q: q.q,
        categoryId: q.category ? categories.get(q.category) : undefined,
        minPrice: q.minPrice ? Number(q.minPrice) : undefined,
        maxPrice: q.maxPrice ? Number(q.maxPrice) : undefined,
        inStock: q.inStock ? q.inStock === 'true' : undefined,
        sort: (q.sort as ProductSearch['sort']) ?? (q.q ? 'relevance' : 'newest'),
        limit: Number(q.limit ?? 20),
      };
      const { sql, params } = await capture((m) => searchProducts(m, search));
      const { rows } = await pool!.query(sql, params);
      return { items: rows.slice(0, search.limit) };
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as AddressInfo).port;

    const lists = LIST_QUERIES.map((q) => `/catalog/products?${q}`);
    const details = slugs.map((slug) => `/catalog/products/${slug}`);
    await measure('warm-up', appPort, [...lists, ...details.slice(0, 50)]);
    const rows = [];
    for (const [name, paths] of [
      ['list', lists],
      ['detail', details],
    ] as const) {
      const appRun = await measure(`app ${name}`, appPort, paths);
      const bareRun = await measure(`bare ${name}`, barePort, paths);
      const rate = Math.max(50, Math.round(Math.min(appRun.rps, bareRun.rps) * 0.5));
      const appFixed = await measure(`app ${name} @${rate}/s`, appPort, paths, rate);
      const bareFixed = await measure(`bare ${name} @${rate}/s`, barePort, paths, rate);
      rows.push(appRun, bareRun, appFixed, bareFixed);
      console.log(`${name}: app keeps ${(appRun.rps / bareRun.rps).toFixed(2)}x of the bare baseline's throughput`);
    }
    console.table(rows);
  } finally {
    await bare.close();
    await pool?.end();
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
