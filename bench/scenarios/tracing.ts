import { median } from '../support/bench-database';
import { BenchContext } from '../support/context';
import { closedLoop, Figures, load, medianOf } from '../support/load';
import { OtlpSink } from '../support/otlp-sink';
import { processCpuMs } from '../support/process-cpu';
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
 * alike), and each is reported against tracing off (ratio). Beside throughput, each row gives the
 * Arcade process's own CPU time per operation (from /proc), which a noisy neighbour does not inflate.
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
      processes.map((p) => withCpu(p, ctx.seconds, detail(p.url))),
    );
    const checkoutRuns = await roundRobin(
      ctx.runs,
      processes.map((p) => withCpu(p, ctx.seconds, checkout(p.url))),
    );
    const rows = (measure: string, unit: string, figures: CpuFigures[]): ResultRow[] =>
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
        note: [
          `${f.cpuMsPerOp.toFixed(2)} CPU ms/op (off: ${figures[0].cpuMsPerOp.toFixed(2)}, ${(f.cpuMsPerOp / figures[0].cpuMsPerOp).toFixed(2)}×)`,
          f.errors ? `${f.errors} errors` : '',
        ]
          .filter(Boolean)
          .join('; '),
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

/** Throughput figures and the measured process's CPU time per operation (ms). */
interface CpuFigures extends Figures {
  readonly cpuMsPerOp: number;
}

/** Measures `run` and the CPU time `process` spent meanwhile, per operation. */
function withCpu(process: BenchProcess, seconds: number, run: () => Promise<Figures>): () => Promise<CpuFigures> {
  return async () => {
    const before = processCpuMs(process.pid);
    const figures = await run();
    const spent = processCpuMs(process.pid) - before;
    return { ...figures, cpuMsPerOp: spent / Math.max(1, figures.rps * seconds) };
  };
}

/** Runs each measurement in turn, `runs` times over, and returns the median of each. */
async function roundRobin(runs: number, measures: readonly (() => Promise<CpuFigures>)[]): Promise<CpuFigures[]> {
  const results: CpuFigures[][] = measures.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, measure] of measures.entries()) results[n].push(await measure());
  }
  return results.map((r) => ({ ...medianOf(r), cpuMsPerOp: median(r.map((f) => f.cpuMsPerOp)) }));
}
