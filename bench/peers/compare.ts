import { loadavg } from 'node:os';
import { median } from '../support/bench-database';
import { BenchContext } from '../support/context';
import { Figures, figuresOf, medianOf } from '../support/load';
import { backendsCpu, backendsCpuBetween } from '../support/postgres-cpu';
import { processCpuMs } from '../support/process-cpu';
import { ResultRow } from '../support/report';
import { StatementCounts, statementCountsOf } from '../support/statement-counts';
import { bareCheckoutStatements } from './bare-checkout';
import { ArcadePeer } from './arcade-peer';
import { Operation, OutOfWork, Peer } from './peer';
import { VendurePeer } from './vendure/vendure-peer';

/** The peers `--peer <name>` knows: another (Medusa) is a folder under bench/peers/ and one line here. */
export const PEERS: Readonly<Record<string, (ctx: BenchContext) => Peer>> = {
  vendure: (ctx) => new VendurePeer(ctx.databaseUrl),
};

/** Buyers (concurrent closed-loop clients) per measurement, on both sides. */
const BUYERS = 16;
/** Guest carts the add-to-cart runs spread over, on each side. */
const CARTS = 1000;
const WARM_UP_SECONDS = 3;

/** One run's figures, with CPU per operation (ms) of the server's processes and of PostgreSQL. */
interface Measured extends Figures {
  readonly count: number;
  readonly serverMs: number;
  readonly postgresMs: number;
  /** The 1-minute load average when the run ended. */
  readonly load: number;
  readonly ranOut: boolean;
  readonly firstError?: string;
  /** Per operation, through the driver (undefined when the side's processes do not count). */
  readonly perOp?: StatementCounts;
  /** What {@link Peer.settle} said after the run. */
  readonly settled?: string;
}

/**
 * `BUYERS` clients calling `op` back to back for `seconds`; a client whose op runs out of
 * prepared work ({@link OutOfWork}) stops early.
 */
async function buyers(seconds: number, op: Operation) {
  const latencies: number[] = [];
  let errors = 0;
  let ranOut = false;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch (error) {
          if (error instanceof OutOfWork) {
            ranOut = true;
            return;
          }
          errors++;
          firstError ??= String(error).slice(0, 200);
        }
      }
    }),
  );
  const count = latencies.length;
  return { ...figuresOf(latencies, (performance.now() - started) / 1000, errors), count, ranOut, firstError };
}

const serverCpu = (peer: Peer) => peer.serverPids().reduce((sum, pid) => sum + processCpuMs(pid), 0);

/**
 * One measured run of `op` against `peer`: throughput and latency over the buyers' window; CPU
 * per operation from /proc and statements and transactions per operation from the server's
 * driver, both read at the start and again once the peer has settled (Arcade's consumers and
 * sandbox webhooks that the run's orders caused count in this run, never in the next).
 */
async function measure(ctx: BenchContext, peer: Peer, op: Operation): Promise<Measured> {
  const counts0 = await statementCountsOf(peer.serverPids());
  const server0 = serverCpu(peer);
  const pg0 = await backendsCpu(ctx.sql, peer.databaseName());
  const run = await buyers(ctx.seconds, op);
  const settled = await peer.settle?.();
  const server1 = serverCpu(peer);
  const pg1 = await backendsCpu(ctx.sql, peer.databaseName());
  const counts1 = await statementCountsOf(peer.serverPids());
  const per = Math.max(1, run.count);
  return {
    ...run,
    serverMs: (server1 - server0) / per,
    postgresMs: backendsCpuBetween(pg0, pg1) / per,
    load: loadavg()[0],
    settled,
    perOp:
      counts0 && counts1
        ? {
            statements: (counts1.statements - counts0.statements) / per,
            transactions: (counts1.transactions - counts0.transactions) / per,
            explicit: (counts1.explicit - counts0.explicit) / per,
            queries: (counts1.queries - counts0.queries) / per,
          }
        : undefined,
  };
}

/** What one comparison runs: `prepare` gives a peer's operation for one run of `expected` operations. */
interface Workload {
  readonly measure: string;
  readonly unit: string;
  /** What CPU is counted per ("request", "order"). */
  readonly per: string;
  /** `expected`: operations the coming run will likely do (from the warm-up); undefined for the warm-up. */
  prepare(peer: Peer, expected?: number): Promise<Operation>;
}

/** Prepares once per peer and reuses the operation for every run. */
function once(make: (peer: Peer) => Promise<Operation>): Workload['prepare'] {
  const made = new Map<Peer, Promise<Operation>>();
  return (peer) => {
    if (!made.has(peer)) made.set(peer, make(peer));
    return made.get(peer)!;
  };
}

const WORKLOADS: readonly Workload[] = [
  {
    measure: 'product detail',
    unit: 'req/s',
    per: 'request',
    prepare: once((peer) => peer.productDetail()),
  },
  { measure: 'add to cart', unit: 'req/s', per: 'request', prepare: once((peer) => peer.addToCart(CARTS)) },
  {
    measure: 'checkout, ready cart to paid',
    unit: 'orders/s',
    per: 'order',
    // Fresh carts for every run: half as many again as the warm-up's rate says it will check out.
    prepare: (peer, expected) => peer.checkout(expected === undefined ? 64 : Math.ceil(expected * 1.5) + 2 * BUYERS),
  },
];

const fixed = (n: number, digits = 2) => n.toFixed(digits);

/** The two rows of a workload: throughput and latency; CPU per operation, server + PostgreSQL. */
function rows(peer: Peer, work: Workload, a: Measured[], b: Measured[]): ResultRow[] {
  const [fa, fb] = [medianOf(a), medianOf(b)];
  const cpu = (runs: Measured[]) => ({
    server: median(runs.map((r) => r.serverMs)),
    postgres: median(runs.map((r) => r.postgresMs)),
  });
  const [ca, cb] = [cpu(a), cpu(b)];
  const counts = (runs: Measured[]): StatementCounts | undefined =>
    runs.every((r) => r.perOp)
      ? {
          statements: median(runs.map((r) => r.perOp!.statements)),
          transactions: median(runs.map((r) => r.perOp!.transactions)),
          explicit: median(runs.map((r) => r.perOp!.explicit)),
          queries: median(runs.map((r) => r.perOp!.queries)),
        }
      : undefined;
  const [sa, sb] = [counts(a), counts(b)];
  const loads = [...a, ...b].map((r) => r.load);
  const trouble = [...a, ...b].filter((r) => r.errors > 0 || r.ranOut);
  const scenario = `peer: ${peer.name}`;
  return [
    {
      scenario,
      measure: `${work.measure}, ${BUYERS} buyers closed loop`,
      arcade: fa.rps,
      baseline: fb.rps,
      unit: work.unit,
      ratio: fa.rps / fb.rps,
      p50: fa.p50,
      p99: fa.p99,
      baselineP50: fb.p50,
      baselineP99: fb.p99,
      note:
        trouble.length > 0
          ? `errors ${fa.errors}/${fb.errors}${trouble.some((r) => r.ranOut) ? ', a run ran out of carts' : ''}: ${trouble.find((r) => r.firstError)?.firstError ?? ''}`
          : undefined,
    },
    {
      scenario,
      measure: `${work.measure}, CPU per ${work.per} (server + PostgreSQL)`,
      arcade: ca.server + ca.postgres,
      baseline: cb.server + cb.postgres,
      unit: 'ms',
      ratio: (cb.server + cb.postgres) / (ca.server + ca.postgres),
      note: `Arcade ${fixed(ca.server)} + ${fixed(ca.postgres)}, ${peer.name} ${fixed(cb.server)} + ${fixed(cb.postgres)}; load ${fixed(Math.min(...loads), 1)}–${fixed(Math.max(...loads), 1)}`,
    },
    ...(sa && sb
      ? [
          {
            scenario,
            measure: `${work.measure}, statements per ${work.per} (through the driver)`,
            arcade: sa.statements,
            baseline: sb.statements,
            unit: 'statements',
            ratio: sb.statements / sa.statements,
            note: `query calls (round trips) ${fixed(sa.queries, 1)} vs ${fixed(sb.queries, 1)}`,
          },
          {
            scenario,
            measure: `${work.measure}, transactions per ${work.per} (through the driver)`,
            arcade: sa.transactions,
            baseline: sb.transactions,
            unit: 'transactions',
            ratio: sb.transactions / sa.transactions,
            note: `with BEGIN ${fixed(sa.explicit, 1)} vs ${fixed(sb.explicit, 1)}, the rest autocommit statements`,
          },
        ]
      : []),
  ];
}

/**
 * `npm run bench -- --peer <name>`: Arcade and the peer on the same PostgreSQL with the same
 * catalog (`ctx.productCount` products), each workload warmed up on both, then run `ctx.runs` times
 * alternately (Arcade, peer, Arcade, …) for `ctx.seconds` each; medians. CPU per operation is the
 * server processes' CPU (/proc/<pid>/stat) plus that of the PostgreSQL backends connected to the
 * side's database (the runner's own connections left out), divided by the operations done.
 */
export async function peerComparison(ctx: BenchContext, name: string, keep: boolean): Promise<ResultRow[]> {
  const make = PEERS[name];
  if (!make) throw new Error(`Unknown peer ${name}. Known: ${Object.keys(PEERS).join(', ')}`);
  const arcade = new ArcadePeer(ctx);
  const peer = make(ctx);
  const result: ResultRow[] = [];
  try {
    for (const side of [arcade, peer]) {
      await side.install();
      const t0 = Date.now();
      await side.seed(ctx.productCount);
      console.log(`${side.name}: seeded ${ctx.productCount} products in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await side.start();
    }
    for (const work of WORKLOADS) {
      console.log(`\n== ${work.measure}: ${arcade.name} vs ${peer.name} (load ${fixed(loadavg()[0], 1)})`);
      const warm = new Map<Peer, number>();
      for (const side of [arcade, peer]) {
        const run = await buyers(WARM_UP_SECONDS, await work.prepare(side));
        if (run.count === 0) throw new Error(`${side.name}: ${work.measure} failed in the warm-up: ${run.firstError}`);
        warm.set(side, run.rps);
      }
      const runs = new Map<Peer, Measured[]>([
        [arcade, []],
        [peer, []],
      ]);
      for (let i = 0; i < ctx.runs; i++) {
        for (const side of [arcade, peer]) {
          const op = await work.prepare(side, warm.get(side)! * ctx.seconds);
          const run = await measure(ctx, side, op);
          console.log(
            `  ${side.name}: ${fixed(run.rps, 1)} ${work.unit}, p50 ${fixed(run.p50, 1)} ms, p99 ${fixed(run.p99, 1)} ms, ` +
              `CPU ${fixed(run.serverMs)} + ${fixed(run.postgresMs)} ms per ${work.per}, load ${fixed(run.load, 1)}` +
              (run.perOp
                ? `, ${fixed(run.perOp.statements, 1)} statements in ${fixed(run.perOp.transactions, 1)} transactions ` +
                  `(${fixed(run.perOp.explicit, 1)} with BEGIN) ` +
                  `(${fixed(run.perOp.queries, 1)} query calls) per ${work.per}`
                : '') +
              (run.settled ? `; ${run.settled}` : '') +
              (run.errors ? `, ${run.errors} errors (${run.firstError})` : '') +
              (run.ranOut ? ', ran out of carts' : ''),
          );
          runs.get(side)!.push(run);
        }
      }
      result.push(...rows(peer, work, runs.get(arcade)!, runs.get(peer)!));
    }
    const bare = await bareCheckoutStatements(ctx, arcade.checkoutVariantId);
    console.log(
      `\n== bare one-transaction checkout: ${fixed(bare.statements, 1)} statements in ${fixed(bare.transactions, 1)} ` +
        `transactions (${fixed(bare.queries, 1)} query calls) per order`,
    );
    result.push({
      scenario: `peer: ${peer.name}`,
      measure: 'bare 1-tx checkout, statements per order (through the driver)',
      arcade: bare.statements,
      unit: 'statements',
      note: `${fixed(bare.transactions, 1)} transactions, ${fixed(bare.queries, 1)} query calls per order`,
    });
    return result;
  } finally {
    await arcade.stop();
    await peer.stop(keep);
  }
}
