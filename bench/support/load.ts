import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { median, percentile } from './bench-database';

export interface Figures {
  /** Requests (or operations) per second. */
  readonly rps: number;
  /** Latency in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  readonly url: string;
  readonly request: () => HttpRequest;
  readonly seconds: number;
  readonly connections: number;
  /** Open loop: a fixed overall request rate (no coordinated omission). Closed loop when absent. */
  readonly rate?: number;
}

/**
 * One run: closed loop with autocannon, or open loop at `rate` with {@link openLoop} over
 * keep-alive connections. Not autocannon's own rate limit: it lets each connection send its
 * quota back to back at the start of every second (bursts of `connections` requests) and then
 * "corrects" for coordinated omission as if each connection sent a request every millisecond,
 * which inflated the fixed-rate tails several-fold.
 */
export async function load(options: LoadOptions): Promise<Figures> {
  if (options.rate) return openLoopHttp(options, options.rate);
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, ...options.request() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** Requests started at evenly spaced times, latency counted from when each was due. */
async function openLoopHttp(options: LoadOptions, rate: number): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const { hostname, port } = new URL(options.url);
  const send = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const { method = 'GET', path, body, headers = {} } = options.request();
      const req = request(
        { hostname, port, path, method, agent, headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => ((res.statusCode ?? 500) < 400 ? resolve() : reject(new Error(`${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    return await openLoop(rate, options.seconds, send);
  } finally {
    agent.destroy();
  }
}

/** The median, figure by figure, of several runs. */
export function medianOf(runs: readonly Figures[]): Figures {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * Runs `a` and `b` alternately `runs` times (so that a noisy neighbour hurts both alike) and
 * returns the median of each.
 */
export async function interleaved(
  runs: number,
  a: () => Promise<Figures>,
  b: () => Promise<Figures>,
): Promise<[Figures, Figures]> {
  const as: Figures[] = [];
  const bs: Figures[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return [medianOf(as), medianOf(bs)];
}

/** Figures of a list of latencies (ms) measured by hand over `seconds`. */
export function figuresOf(latencies: number[], seconds: number, errors = 0): Figures {
  latencies.sort((x, y) => x - y);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** Closed loop by hand: `concurrency` workers call `op` until `seconds` have passed. */
export async function closedLoop(concurrency: number, seconds: number, op: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return figuresOf(latencies, (performance.now() - started) / 1000, errors);
}

/** Open loop by hand: starts `op` at a fixed rate for `seconds`, whatever is still running. */
export async function openLoop(rate: number, seconds: number, op: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Late (the timer or a busy loop): counted from when it was due; up to 1 ms early: from now.
    const start = Math.min(due, performance.now());
    running.push(
      op().then(
        () => void latencies.push(performance.now() - start),
        () => void errors++,
      ),
    );
  }
  await Promise.all(running);
  return figuresOf(latencies, seconds, errors);
}
