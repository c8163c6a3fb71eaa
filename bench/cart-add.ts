/**
 * Add-to-cart: POST /carts/:id/items (which asks catalog for price and availability through the
 * GetVariantSnapshots query on the bus) against a catalog seeded through its own admin API.
 * Throughput in a closed loop, latency at a fixed rate (no coordinated omission), next to
 * baselines measured in the same run: GET /health/live (no database) and GET /carts/:id (cart
 * read, no catalog), and the in-process catalog query alone.
 * Run: node -r ./test/support/swc-register.cjs bench/cart-add.ts [--products 300] [--carts 3000] [--seconds 10] [--connections 16]
 */
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../src/create-app';
import { GetVariantSnapshots } from '../src/modules/catalog';
import { AccessTokens } from '../src/platform/auth';
import { loadConfig } from '../src/platform/config';
import { MessageBus } from '../src/platform/messaging';
import { createBenchDatabase, percentile } from './support/bench-database';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function seedCatalog(app: NestFastifyApplication, products: number): Promise<string[]> {
  const admin = `Bearer ${app.get(AccessTokens).sign({ id: uuidv7(), roles: ['admin'] })}`;
  const variantIds: string[] = [];
  for (let p = 0; p < products; p++) {
    const res = await app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: { authorization: admin },
      payload: {
        title: `Bench product ${p}`,
        description: 'Seeded for the add-to-cart benchmark',
        variants: [0, 1, 2].map((v) => ({
          sku: `BENCH-${p}-${v}`,
          title: `Size ${v}`,
          price: { amount: 500 + ((p * 37 + v * 11) % 9500), currency: 'EUR' },
          stock: 1_000_000,
        })),
      },
    });
    if (res.statusCode !== 201) throw new Error(`seeding failed: ${res.statusCode} ${res.body}`);
    variantIds.push(...res.json<{ variants: { id: string }[] }>().variants.map((v) => v.id));
  }
  return variantIds;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

async function load(
  url: string,
  seconds: number,
  connections: number,
  request: () => { method: 'GET' | 'POST'; path: string; body?: string },
  rate?: number,
): Promise<Figures> {
  const result = await autocannon({
    url,
    duration: seconds,
    connections,
    ...(rate ? { overallRate: rate } : {}),
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const products = arg('products', 300);
  const carts = arg('carts', 3000);
  const seconds = arg('seconds', 10);
  const connections = arg('connections', 16);
  const database = await createBenchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'warn',
    MODULES: 'catalog,cart',
  });
  const app = await createApp(config, { database });
  try {
    await app.getHttpAdapter().getInstance().ready();
    const variantIds = await seedCatalog(app, products);
    const cartIds: string[] = [];
    for (let c = 0; c < carts; c++)
      cartIds.push((await app.inject({ method: 'POST', url: '/carts' })).json<{ id: string }>().id);
    console.log(`seeded ${products} products (${variantIds.length} variants) and ${carts} guest carts`);

    const bus = app.get(MessageBus);
    const queryTimes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      await bus.query(new GetVariantSnapshots([variantIds[i % variantIds.length]]));
      queryTimes.push(performance.now() - started);
    }
    queryTimes.sort((a, b) => a - b);

    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    let n = 0;
    const addItem = () => {
      n++;
      return {
        method: 'POST' as const,
        path: `/carts/${cartIds[n % cartIds.length]}/items`,
        body: JSON.stringify({ variantId: variantIds[(n * 7919) % variantIds.length], quantity: 1 }),
      };
    };
    const readCart = () => ({ method: 'GET' as const, path: `/carts/${cartIds[n++ % cartIds.length]}` });
    const live = () => ({ method: 'GET' as const, path: '/health/live' });

    await load(base, 2, connections, addItem); // warm-up
    const baseline = await load(base, seconds, connections, live);
    const reads = await load(base, seconds, connections, readCart);
    const adds = await load(base, seconds, connections, addItem);
    const rate = Math.max(50, Math.round(adds.rps * 0.5));
    const addsAtRate = await load(base, seconds, connections, addItem, rate);

    const fmt = (f: Figures) => `${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms`;
    console.log(
      `GetVariantSnapshots on the bus (1 id, sequential) p50 ${percentile(queryTimes, 50).toFixed(3)} ms, p99 ${percentile(queryTimes, 99).toFixed(3)} ms`,
    );
    console.log(`GET /health/live (baseline, closed loop)      ${fmt(baseline)}`);
    console.log(
      `GET /carts/:id (closed loop)                  ${fmt(reads)}  (${(reads.rps / baseline.rps).toFixed(2)}x baseline)`,
    );
    console.log(
      `POST /carts/:id/items (closed loop)           ${fmt(adds)}  (${(adds.rps / baseline.rps).toFixed(2)}x baseline)`,
    );
    console.log(`POST /carts/:id/items at ${rate} req/s (fixed)  ${fmt(addsAtRate)}`);
    console.log(`(${connections} connections, ${seconds} s each)`);
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let autocannon's last in-flight requests finish
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
