/**
 * The benchmark suite: `npm run bench` runs every scenario, `npm run bench -- catalog cart` some.
 * Starts what it needs (a fresh database on DATABASE_URL, or an embedded PostgreSQL; Arcade and
 * the bare baseline as child processes; a seeded catalog), prints one table and writes it as JSON
 * under bench/results/. Options: --runs N (default 3), --seconds S (default 8), --products N
 * (default 100000; 1000 with --peer), --keep (keep the database).
 *
 * `npm run bench -- --peer vendure` runs the peer comparison instead (bench/peers/): Arcade and
 * the peer side by side on the same PostgreSQL and catalog, throughput, latency, CPU per operation.
 */
import 'reflect-metadata';
import { BenchContext } from './support/context';
import { createBenchDatabase } from './support/bench-database';
import { machine, ResultRow, saveResults, table } from './support/report';
import { catalogScenario } from './scenarios/catalog';
import { cartScenario } from './scenarios/cart';
import { checkoutScenario } from './scenarios/checkout';
import { flashSaleScenario } from './scenarios/flash-sale';
import { idleScenario } from './scenarios/idle';
import { fraudCheckoutScenario } from './scenarios/fraud-checkout';
import { fullSagaScenario } from './scenarios/full-saga';
import { outboxScenario } from './scenarios/outbox';
import { promotionsCheckoutScenario } from './scenarios/promotions-checkout';
import { roundTripScenario } from './scenarios/round-trip';
import { memoryScenario } from './scenarios/memory';
import { tracingScenario } from './scenarios/tracing';
import { peerComparison, PEERS } from './peers/compare';

export type Scenario = (ctx: BenchContext) => Promise<ResultRow[]>;

const SCENARIOS: Record<string, Scenario> = {
  catalog: catalogScenario,
  cart: cartScenario,
  checkout: checkoutScenario,
  'flash-sale': flashSaleScenario,
  fraud: fraudCheckoutScenario,
  'full-saga': fullSagaScenario,
  outbox: outboxScenario,
  promotions: promotionsCheckoutScenario,
  'round-trip': roundTripScenario,
  memory: memoryScenario,
  idle: idleScenario,
  tracing: tracingScenario,
};

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `--peer <name>`: the peer to compare Arcade with, or undefined. */
function peerOption(): string | undefined {
  const i = process.argv.indexOf('--peer');
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const named = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(runs|seconds|products|peer)$/));
  const peer = peerOption();
  if (peer !== undefined && !PEERS[peer]) {
    console.error(`Unknown peer: ${peer}. Known: ${Object.keys(PEERS).join(', ')}`);
    process.exit(2);
  }
  const unknown = named.filter((n) => !SCENARIOS[n]);
  if (unknown.length > 0) {
    console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  const selected = named.length > 0 ? named : Object.keys(SCENARIOS);
  const runs = option('runs', 3);
  const seconds = option('seconds', 8);
  const products = option('products', peer ? 1_000 : 100_000);
  const database = await createBenchDatabase(`arcade_bench_${Date.now()}`);
  const ctx = new BenchContext(database.url, products, runs, seconds);
  const rows: ResultRow[] = [];
  const started = Date.now();
  try {
    if (peer) {
      rows.push(...(await peerComparison(ctx, peer, process.argv.includes('--keep'))));
    } else {
      const app = await ctx.app();
      const t0 = Date.now();
      await app.ask({ type: 'seed', count: products });
      console.log(`seeded ${products} products in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await ctx.sql.query(`
        CREATE SCHEMA IF NOT EXISTS bench_bare;
        CREATE TABLE bench_bare.product_keys AS
          SELECT row_number() OVER (ORDER BY id)::int AS n, slug FROM catalog.products WHERE status = 'active';
        CREATE UNIQUE INDEX ON bench_bare.product_keys (n);
        CREATE TABLE bench_bare.outbox (LIKE cart.outbox INCLUDING ALL)`);
      for (const name of selected) {
        console.log(`\n== ${name}`);
        try {
          const scenarioRows = await SCENARIOS[name](ctx);
          console.log(table(scenarioRows));
          rows.push(...scenarioRows);
        } catch (error) {
          // One broken scenario should not cost the figures of the others; the run still fails.
          console.error(error);
          rows.push({
            scenario: name,
            measure: 'failed',
            arcade: NaN,
            unit: '',
            note: String(error).split('\n')[0].slice(0, 120),
          });
          process.exitCode = 1;
        }
      }
    }
  } finally {
    await ctx.close();
    if (!process.argv.includes('--keep')) await database.drop();
  }
  report(rows, { scenarios: peer ? [] : selected, peer, runs, seconds, products, started });
}

function report(
  rows: ResultRow[],
  meta: { scenarios: string[]; peer?: string; runs: number; seconds: number; products: number; started: number },
): void {
  const { peer, runs, seconds, products, started } = meta;
  const against = peer ? `, baseline = ${peer} (bench/peers/${peer})` : '';
  console.log(`\nArcade benchmarks — ${machine()} — ${runs} runs × ${seconds} s, median${against}`);
  console.log(table(rows));
  const file = saveResults(rows, {
    scenarios: meta.scenarios,
    peer,
    runs,
    seconds,
    products,
    minutes: (Date.now() - started) / 60000,
  });
  console.log(`\nresults: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
