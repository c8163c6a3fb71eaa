import { BenchContext } from '../support/context';
import { closedLoop, Figures, load, medianOf } from '../support/load';
import { OtlpSink } from '../support/otlp-sink';
import { BenchProcess } from '../support/processes';
import { ResultRow } from '../support/report';
import { createProduct, OrderWatcher, placeOrder, prepareCarts, ReadyCart } from '../support/shopper';

const CONNECTIONS = 32;
const BUYERS = 16;
const CARTS_PER_RUN = 600;

/** The three settings compared (ADR 0119): off (the default), 10 % of traces, every trace. */
const SETTINGS: readonly { name: string; env: (sink: OtlpSink) => Record<string, string> }[] = [
  { name: 'off', env: () => ({}) },
  {
    name: 'on, 10 % sampled',
    env: (sink) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    }),
  },
  {
    name: 'on, 100 % sampled',
    env: (sink) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint, OTEL_TRACES_SAMPLER: 'parentbased_always_on' }),
  },
];

/**
 * Scenario: the cost of tracing. Three Arcade processes on the same database, one per setting,
 * the tracing ones exporting OTLP/HTTP (protobuf) to a sink on loopback; product detail and
 * checkout to `confirmed` are measured round-robin across them (so a noisy neighbour hurts all
 * alike), and each is reported against tracing off (ratio).
 */
export async function tracingScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const sink = await OtlpSink.start();
  const processes: BenchProcess[] = [];
  try {
    for (const setting of SETTINGS) {
      processes.push(
        await ctx.startApp(`tracing ${setting.name}`, { OTEL_SERVICE_NAME: 'arcade-bench', ...setting.env(sink) }),
      );
    }
    const slugs = (
      await ctx.sql.query<{ slug: string }>(`SELECT slug FROM catalog.products ORDER BY random() LIMIT 5000`)
    ).rows.map((r) => `/catalog/products/${r.slug}`);
    const detail = (url: string) => () => {
      let i = 0;
      return load({
        url,
        request: () => ({ path: slugs[i++ % slugs.length] }),
        seconds: ctx.seconds,
        connections: CONNECTIONS,
      });
    };
    const variantId = await createProduct(ctx, processes[0].url, 1_000_000);
    const watcher = new OrderWatcher(ctx.sql);
    const checkout = (url: string) => async () => {
      const carts: ReadyCart[] = await prepareCarts(ctx, url, variantId, 1, CARTS_PER_RUN);
      let next = 0;
      return closedLoop(BUYERS, ctx.seconds, async () => {
        const cart = carts[next++];
        if (!cart) throw new Error('out of prepared carts');
        const status = await watcher.settled(await placeOrder(url, cart));
        if (status !== 'confirmed') throw new Error(`order ${status}`);
      });
    };
    // Warm-up: JIT, pools, the buffer cache, each process.
    for (const p of processes) await detail(p.url)();
    const detailRuns = await roundRobin(
      ctx.runs,
      processes.map((p) => detail(p.url)),
    );
    const checkoutRuns = await roundRobin(
      ctx.runs,
      processes.map((p) => checkout(p.url)),
    );
    const rows = (measure: string, unit: string, figures: Figures[]): ResultRow[] =>
      figures.map((f, i) => ({
        scenario: 'tracing',
        measure: `${measure}, tracing ${SETTINGS[i].name}`,
        arcade: f.rps,
        baseline: figures[0].rps,
        unit,
        ratio: f.rps / figures[0].rps,
        p50: f.p50,
        p99: f.p99,
        baselineP50: figures[0].p50,
        baselineP99: figures[0].p99,
        note: f.errors ? `${f.errors} errors` : undefined,
      }));
    return [
      ...rows(`product detail, ${CONNECTIONS} connections`, 'req/s', detailRuns),
      ...rows(`checkout to confirmed, ${BUYERS} buyers`, 'orders/s', checkoutRuns),
      {
        scenario: 'tracing',
        measure: 'exported to the sink',
        arcade: sink.bytes / 1024 / 1024,
        unit: 'MiB',
        note: `${sink.requests} OTLP requests`,
      },
    ];
  } finally {
    for (const p of processes) await p.stop();
    await sink.stop();
  }
}

/** Runs each measurement in turn, `runs` times over, and returns the median of each. */
async function roundRobin(runs: number, measures: readonly (() => Promise<Figures>)[]): Promise<Figures[]> {
  const results: Figures[][] = measures.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, measure] of measures.entries()) results[n].push(await measure());
  }
  return results.map((r) => medianOf(r));
}
