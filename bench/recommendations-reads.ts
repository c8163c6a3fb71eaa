/**
 * Recommendations read model at scale: fills it with N products and M order lines (bulk SQL into
 * the module's own tables, with planted bundles and a popularity skew), times the full rebuild,
 * then measures GET /recommendations/products/:id (req/s closed loop, p99 at a fixed rate)
 * against GET /health/live (same app, no database) as the baseline.
 * Run: node -r ./test/support/swc-register.cjs bench/recommendations-reads.ts
 *        [--products 100000] [--lines 1000000] [--seconds 10] [--connections 32]
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app';
import { loadConfig } from '../src/platform/config';
import { rebuildReadModel } from '../src/modules/recommendations/infrastructure/read-model-rebuild';
import { loadRecommendationsConfig } from '../src/modules/recommendations/recommendations.config';
import { createBenchDatabase } from './support/bench-database';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const LINES_PER_ORDER = 4;

/** A deterministic, well-formed (version 4, RFC variant) UUID from a text key, in SQL. */
const uuidOf = (key: string) =>
  `(substr(md5(${key}), 1, 12) || '4' || substr(md5(${key}), 14, 3) || '8' || substr(md5(${key}), 18, 15))::uuid`;
const BUNDLE = 10;

async function fill(dataSource: DataSource, products: number, lines: number): Promise<void> {
  const orders = Math.floor(lines / LINES_PER_ORDER);
  const bundles = Math.floor(products / BUNDLE);
  await dataSource.query(
    `INSERT INTO product (product_id, status)
     SELECT ${uuidOf("'p' || i")}, 'active' FROM generate_series(0, $1 - 1) i`,
    [products],
  );
  // Each order: 4 distinct products of one bundle; bundles drawn with a skew (random()^2).
  await dataSource.query(
    `INSERT INTO purchase (order_id, product_id, customer_id, purchased_at)
     SELECT ${uuidOf("'o' || o")}, ${uuidOf(`'p' || (bundle * ${BUNDLE} + (o * 7 + k * 3) % ${BUNDLE})`)},
            ${uuidOf("'c' || (o % $3)")}, at
     FROM (SELECT o, floor($2 * power(random(), 2))::int AS bundle, now() - random() * interval '180 days' AS at
           FROM generate_series(0, $1 - 1) o) x
     CROSS JOIN generate_series(0, ${LINES_PER_ORDER - 1}) k`,
    [orders, bundles, Math.max(1, Math.floor(orders / 5))],
  );
  await dataSource.query('ANALYZE product, purchase');
}

async function load(url: string, seconds: number, connections: number, paths: readonly string[], rate?: number) {
  let next = 0;
  const result = await autocannon({
    url,
    duration: seconds,
    connections,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const products = arg('products', 100_000);
  const lines = arg('lines', 1_000_000);
  const seconds = arg('seconds', 10);
  const connections = arg('connections', 32);
  const database = await createBenchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'warn',
    MODULES: 'recommendations',
    OUTBOX_RELAY: 'false',
  });
  const app = await createApp(config, { database });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken('recommendations'));
    let started = performance.now();
    await fill(dataSource, products, lines);
    console.log(
      `filled ${products} products, ${lines} order lines in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    started = performance.now();
    const report = await rebuildReadModel(dataSource, loadRecommendationsConfig(config.source));
    const rebuildSeconds = (performance.now() - started) / 1000;
    for (const { step, ms } of report.steps) console.log(`  rebuild ${step.padEnd(28)} ${ms} ms`);
    console.log(
      `full rebuild: ${rebuildSeconds.toFixed(1)} s (${report.pairs} co-occurrences, ${report.neighbours} neighbours)`,
    );

    const sample = (await dataSource.query(
      'SELECT DISTINCT product_id FROM neighbour ORDER BY product_id LIMIT 5000',
    )) as { product_id: string }[];
    const paths = sample.map((r) => `/recommendations/products/${r.product_id}?limit=10`);
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const base = url.replace('[::1]', '127.0.0.1');

    await load(base, 3, connections, paths); // warm-up: pools, prepared statements, JIT
    const baseline = await load(base, seconds, connections, ['/health/live']);
    const reads = await load(base, seconds, connections, paths);
    const rate = Math.round(reads.rps * 0.5);
    const fixed = await load(base, seconds, Math.min(connections, 64), paths, rate);
    console.log('');
    console.log(
      `GET /health/live (baseline)            ${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms (closed loop)`,
    );
    console.log(
      `GET /recommendations/products/:id      ${Math.round(reads.rps)} req/s (${(reads.rps / baseline.rps).toFixed(2)}x baseline), p99 ${reads.p99} ms (closed loop, ${connections} connections)`,
    );
    console.log(`  at a fixed ${rate} req/s (50%):         p50 ${fixed.p50} ms, p99 ${fixed.p99} ms`);
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
