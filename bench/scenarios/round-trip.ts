import { connect, StringCodec } from 'nats';
import { percentile } from '../support/bench-database';
import { BenchContext } from '../support/context';
import { BenchProcess, startNats } from '../support/processes';
import { ResultRow } from '../support/report';

const CALLS = 2000;

const p = (values: number[], q: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    q,
  );

/** Raw NATS request/reply of a ~300-byte JSON body, one at a time: the transport's floor. */
async function rawNats(url: string): Promise<number[]> {
  const server = await connect({ servers: url });
  const client = await connect({ servers: url });
  const codec = StringCodec();
  const body = JSON.stringify({
    items: [{ variantId: '0190a000-0000-7000-8000-000000000001', sku: 'X', title: 'x'.repeat(200) }],
  });
  const sub = server.subscribe('bench.echo');
  void (async () => {
    for await (const m of sub) m.respond(codec.encode(body));
  })();
  await server.flush();
  const latencies: number[] = [];
  for (let i = 0; i < CALLS + 200; i++) {
    const t0 = performance.now();
    await client.request('bench.echo', codec.encode(body), { timeout: 5000 });
    if (i >= 200) latencies.push(performance.now() - t0);
  }
  await client.close();
  await server.close();
  return latencies;
}

/**
 * Scenario 6: a module round trip (catalog's GetVariantSnapshots query and ReleaseStock command)
 * in-process, and over NATS from a process without catalog to one with only catalog, against raw
 * NATS request/reply. Each call is sequential, so these are latencies (p50 as the figure).
 */
export async function roundTripScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const app = await ctx.app();
  const variantId = (await ctx.sql.query<{ id: string }>(`SELECT id FROM catalog.variants LIMIT 1`)).rows[0].id;
  const local = await app.ask<{ query: number[]; command: number[] }>({ type: 'round-trip', count: CALLS, variantId });
  const nats = await startNats(14_222 + (process.pid % 1000));
  let catalog: BenchProcess | undefined;
  let caller: BenchProcess | undefined;
  try {
    const raw = await rawNats(nats.url);
    catalog = await ctx.startApp('catalog-only', { MODULES: 'catalog', BROKER_URL: nats.url });
    caller = await ctx.startApp('cart-only', { MODULES: 'cart', BROKER_URL: nats.url });
    const remote = await caller.ask<{ query: number[]; command: number[] }>({
      type: 'round-trip',
      count: CALLS,
      variantId,
    });
    const row = (measure: string, inProcess: number[], overNats: number[]): ResultRow => ({
      scenario: '6 round trip',
      measure,
      arcade: p(overNats, 50),
      baseline: p(inProcess, 50),
      unit: 'ms p50',
      p50: p(overNats, 50),
      p99: p(overNats, 99),
      baselineP50: p(inProcess, 50),
      baselineP99: p(inProcess, 99),
      note: `NATS adds ${(p(overNats, 50) - p(inProcess, 50)).toFixed(2)} ms; raw NATS p50 ${p(raw, 50).toFixed(2)} ms`,
    });
    return [
      row('query over NATS (baseline: in-process)', local.query, remote.query),
      row('command over NATS (baseline: in-process)', local.command, remote.command),
      {
        scenario: '6 round trip',
        measure: 'raw nats request/reply',
        arcade: p(raw, 50),
        unit: 'ms p50',
        p50: p(raw, 50),
        p99: p(raw, 99),
      },
    ];
  } finally {
    await caller?.stop();
    await catalog?.stop();
    await nats.stop();
  }
}
