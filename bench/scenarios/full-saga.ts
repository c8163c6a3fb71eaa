import { BenchContext } from '../support/context';
import { storeSyntheticFraudModel } from '../support/fraud-model';
import { closedLoop, Figures, medianOf, openLoop } from '../support/load';
import { backendsCpu, backendsCpuBetween } from '../support/postgres-cpu';
import { processCpuMs } from '../support/process-cpu';
import { BenchProcess } from '../support/processes';
import { ResultRow } from '../support/report';
import {
  countStatementsEnv,
  forgetStatementCounts,
  StatementCounts,
  statementCounts,
} from '../support/statement-counts';
import {
  adminCall,
  bareCheckoutLoad,
  applyPromotionCode,
  createProduct,
  createShippingMethod,
  OrderWatcher,
  placeOrder,
  prepareCarts,
  ReadyCart,
} from '../support/shopper';

const BUYERS = 16;
/** A second, larger load: batching only pays when messages queue for a handler (ADR 0123). */
const MANY_BUYERS = 64;
/** Opens the processes' /metrics to the runner (closed in production without a token). */
const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';
const CARTS_PER_RUN = Number(process.env.BENCH_CARTS_PER_RUN ?? 900);

/** One measured run: its figures and the machine CPU per order (ms) of the process and its backends. */
interface Measured extends Figures {
  readonly nodeMsPerOrder: number;
  readonly postgresMsPerOrder: number;
  /** Statements and transactions the process sent per order (through `pg`, its background work included). */
  readonly statementsPerOrder: number;
  readonly transactionsPerOrder: number;
}

/** A side of the comparison: an Arcade process whose backends carry its own application_name. */
interface Side {
  readonly app: BenchProcess;
  readonly applicationName: string;
}

/**
 * Issue 24: checkout to `confirmed` through the whole saga as users run it — a shipping method, a
 * promotion code, tax (19 %, Germany), fraud scoring by an active model — with batched message
 * handling (ADR 0123) against the same code handling one message per transaction
 * (`MESSAGE_BATCH_MAX=1`), two Arcade processes on one database, runs interleaved with the bare
 * one-transaction checkout. Each run reads CPU from `/proc`: the Arcade process's and that of its
 * PostgreSQL backends (told apart by `DATABASE_APPLICATION_NAME`), per order confirmed. Then the
 * batched side's time to confirmed at half its maximum rate. The comparison is repeated at 64 buyers:
 * with 16 orders in flight a handler rarely has two messages waiting, so batches stay near one
 * message; more buyers make them queue.
 */
export async function fullSagaScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const env = (name: string, extra: Record<string, string> = {}) => ({
    TAX_DEFAULT_COUNTRY: 'DE',
    FRAUD_MODEL_CACHE_MS: '1000',
    FRAUD_REVIEW_PROBABILITY: '0.99',
    FRAUD_BLOCK_PROBABILITY: '1',
    DATABASE_APPLICATION_NAME: name,
    ...countStatementsEnv(),
    METRICS_TOKEN: METRICS_TOKEN,
    ...extra,
  });
  const batched: Side = { app: await ctx.startApp('batched', env('bench-batched')), applicationName: 'bench-batched' };
  const unbatched: Side = {
    app: await ctx.startApp('unbatched', env('bench-unbatched', { MESSAGE_BATCH_MAX: '1' })),
    applicationName: 'bench-unbatched',
  };
  const bare = await ctx.bare();
  const database = new URL(ctx.databaseUrl).pathname.slice(1);
  const watcher = new OrderWatcher(ctx.sql);
  try {
    const setupUrl = batched.app.url;
    await adminCall(ctx, setupUrl, 'POST', '/tax/countries', {
      country: 'DE',
      rates: { standard: 190_000 },
      shippingCategory: 'standard',
    });
    const code = `SAGA${Date.now()}`;
    await adminCall(ctx, setupUrl, 'POST', '/promotions', { code, benefit: { type: 'percentage', ratePpm: 100_000 } });
    const version = await storeSyntheticFraudModel(ctx);
    await ctx.sql.query(`UPDATE payments.fraud_models SET status = 'active', activated_at = now() WHERE version = $1`, [
      version,
    ]);
    const variantId = await createProduct(ctx, setupUrl, 1_000_000);
    const { methodId } = await createShippingMethod(ctx, setupUrl);

    const carts = async (side: Side, count: number) => {
      const ready = await prepareCarts(ctx, side.app.url, variantId, 1, count, methodId);
      await applyPromotionCode(side.app.url, ready, code);
      return ready;
    };
    const checkout = (side: Side, ready: ReadyCart[]) => {
      let next = 0;
      return async () => {
        const cart = ready[next++];
        if (!cart) throw new Error('out of prepared carts');
        const status = await watcher.settled(await placeOrder(side.app.url, cart, `tok_visa:${cart.cartId}`));
        if (status !== 'confirmed') throw new Error(`order ${status}`);
      };
    };
    const measure = async (side: Side, buyers = BUYERS): Promise<Measured> => {
      const ready = await carts(side, CARTS_PER_RUN);
      const node0 = processCpuMs(side.app.pid);
      const pg0 = await backendsCpu(ctx.sql, database, side.applicationName);
      const counts0 = await statementCounts(side.app.pid);
      const figures = await closedLoop(buyers, ctx.seconds, checkout(side, ready));
      const node = processCpuMs(side.app.pid) - node0;
      const postgres = backendsCpuBetween(pg0, await backendsCpu(ctx.sql, database, side.applicationName));
      const counts = delta(counts0, await statementCounts(side.app.pid));
      const orders = Math.max(1, Math.round(figures.rps * ctx.seconds));
      return {
        ...figures,
        nodeMsPerOrder: node / orders,
        postgresMsPerOrder: postgres / orders,
        statementsPerOrder: counts.statements / orders,
        transactionsPerOrder: counts.transactions / orders,
      };
    };
    const bareCheckout = () => bareCheckoutLoad(bare.url, variantId, BUYERS, ctx.seconds);

    for (const side of [batched, unbatched]) await closedLoop(4, 2, checkout(side, await carts(side, 100))); // warm-up
    const runs: { batched: Measured[]; unbatched: Measured[]; bare: Figures[] } = {
      batched: [],
      unbatched: [],
      bare: [],
    };
    for (let i = 0; i < ctx.runs; i++) {
      runs.batched.push(await measure(batched));
      runs.unbatched.push(await measure(unbatched));
      runs.bare.push(await bareCheckout());
    }
    const b = medianMeasured(runs.batched);
    const u = medianMeasured(runs.unbatched);
    const many: { batched: Measured[]; unbatched: Measured[] } = { batched: [], unbatched: [] };
    for (let i = 0; i < ctx.runs; i++) {
      many.batched.push(await measure(batched, MANY_BUYERS));
      many.unbatched.push(await measure(unbatched, MANY_BUYERS));
    }
    const mb = medianMeasured(many.batched);
    const mu = medianMeasured(many.unbatched);
    const bareFigures = medianOf(runs.bare);
    const rate = Math.max(5, Math.round(b.rps / 2));
    const fixed: Figures[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const ready = await carts(batched, Math.ceil(rate * ctx.seconds) + 10);
      fixed.push(await openLoop(rate, ctx.seconds, checkout(batched, ready)));
    }
    const atRate = medianOf(fixed);
    const batching = await batchingSummary(batched.app.url);
    const cpu = (m: Measured) => m.nodeMsPerOrder + m.postgresMsPerOrder;
    const split = (m: Measured) =>
      `${m.nodeMsPerOrder.toFixed(1)} Node + ${m.postgresMsPerOrder.toFixed(1)} PostgreSQL, ` +
      `${m.statementsPerOrder.toFixed(0)} statements in ${m.transactionsPerOrder.toFixed(0)} transactions`;
    const errors = b.errors + u.errors;
    return [
      {
        scenario: '24 full saga',
        measure: `checkout to confirmed (shipping, code, tax, fraud model), batched vs one message per tx, ${BUYERS} buyers`,
        arcade: b.rps,
        baseline: u.rps,
        unit: 'orders/s',
        ratio: b.rps / u.rps,
        p50: b.p50,
        p99: b.p99,
        baselineP50: u.p50,
        baselineP99: u.p99,
        note: errors ? `${errors} errors` : undefined,
      },
      {
        scenario: '24 full saga',
        measure: 'machine CPU per order, batched vs one message per tx (ms)',
        arcade: cpu(b),
        baseline: cpu(u),
        unit: 'ms/order',
        ratio: cpu(u) / cpu(b),
        target: '≤ 12 ms',
        met: cpu(b) <= 12,
        note: `batched ${split(b)}; unbatched ${split(u)}; ${batching}`,
      },
      {
        scenario: '24 full saga',
        measure: `the same at ${MANY_BUYERS} buyers, batched vs one message per tx`,
        arcade: mb.rps,
        baseline: mu.rps,
        unit: 'orders/s',
        ratio: mb.rps / mu.rps,
        p50: mb.p50,
        p99: mb.p99,
        baselineP50: mu.p50,
        baselineP99: mu.p99,
        note: mb.errors + mu.errors ? `${mb.errors + mu.errors} errors` : undefined,
      },
      {
        scenario: '24 full saga',
        measure: `machine CPU per order at ${MANY_BUYERS} buyers, batched vs one message per tx (ms)`,
        arcade: cpu(mb),
        baseline: cpu(mu),
        unit: 'ms/order',
        ratio: cpu(mu) / cpu(mb),
        note: `batched ${split(mb)}; unbatched ${split(mu)}`,
      },
      {
        scenario: '24 full saga',
        measure: 'batched full saga vs bare 1-tx checkout',
        arcade: b.rps,
        baseline: bareFigures.rps,
        unit: 'orders/s',
        ratio: b.rps / bareFigures.rps,
        baselineP50: bareFigures.p50,
        baselineP99: bareFigures.p99,
        target: '≥ 0.15× bare',
        met: b.rps / bareFigures.rps >= 0.15,
      },
      {
        scenario: '24 full saga',
        measure: `time to confirmed @ ${rate} orders/s (½ max), batched`,
        arcade: atRate.rps,
        unit: 'orders/s',
        p50: atRate.p50,
        p99: atRate.p99,
        target: 'p99 < 250 ms',
        met: atRate.p99 < 250,
        note: atRate.errors ? `${atRate.errors} errors` : undefined,
      },
    ];
  } finally {
    watcher.stop();
    await Promise.all([batched.app.stop(), unbatched.app.stop()]);
    for (const side of [batched, unbatched]) forgetStatementCounts(side.app.pid);
  }
}

function delta(before: StatementCounts | undefined, after: StatementCounts | undefined): StatementCounts {
  const zero = { statements: 0, transactions: 0, explicit: 0, queries: 0 };
  const [a, b] = [before ?? zero, after ?? zero];
  return {
    statements: b.statements - a.statements,
    transactions: b.transactions - a.transactions,
    explicit: b.explicit - a.explicit,
    queries: b.queries - a.queries,
  };
}

function medianMeasured(runs: readonly Measured[]): Measured {
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return {
    ...medianOf(runs),
    nodeMsPerOrder: median(runs.map((r) => r.nodeMsPerOrder)),
    postgresMsPerOrder: median(runs.map((r) => r.postgresMsPerOrder)),
    statementsPerOrder: median(runs.map((r) => r.statementsPerOrder)),
    transactionsPerOrder: median(runs.map((r) => r.transactionsPerOrder)),
  };
}

/**
 * Mean messages per batch of each batched handler over the whole run, and the batches split after
 * a failure, from the process's /metrics (arcade_handler_batch_size, arcade_handler_batch_splits_total).
 */
async function batchingSummary(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const series = (name: string) => {
    const values = new Map<string, number>();
    for (const match of text.matchAll(new RegExp(`^${name}\\{handler="([^"]+)"\\} (\\S+)$`, 'gm'))) {
      values.set(match[1], Number(match[2]));
    }
    return values;
  };
  const sums = series('arcade_handler_batch_size_sum');
  const counts = series('arcade_handler_batch_size_count');
  const splits = [...series('arcade_handler_batch_splits_total').values()].reduce((a, b) => a + b, 0);
  const means = [...sums]
    .map(([handler, sum]) => `${handler.replace(/^.*[./]/, '')} ${(sum / (counts.get(handler) || 1)).toFixed(1)}`)
    .join(', ');
  return `messages per batch: ${means || 'none'}; ${splits} batches split`;
}
