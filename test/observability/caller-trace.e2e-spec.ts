import { randomBytes } from 'node:crypto';
import { SPLIT_PROCESSES, Topology, topologiesToRun, TopologyKind } from '../e2e/support/topology';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';

// ADR 0119: the process that faces the public starts a new trace for every request and only links
// the caller's `traceparent` (a caller picks no trace id and forces no sampling); the processes
// behind the gateway continue the gateway's trace; no span keeps a query's values, neither the
// request's server span nor the gateway's client span to the process behind it.

const SERVER = 2;
const CLIENT = 3;

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

describe.each(topologiesToRun())('a caller’s trace context at the public edge (%s)', (kind: TopologyKind) => {
  let receiver: OtlpReceiver;
  let topology: Topology;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    topology = await Topology.start(kind, { env: { ...receiver.env, LOG_LEVEL: 'info' }, readyTimeoutMs: 240_000 });
  }, 300_000);
  afterAll(async () => {
    await topology?.stop();
    await receiver?.stop();
  }, 60_000);

  /** Sends `path` with a foreign, sampled `traceparent`; returns the caller's ids and the answer's body. */
  async function callWithForeignTrace(path: string) {
    const caller = { traceId: hex(16), spanId: hex(8) };
    const response = await fetch(`${topology.baseUrl}${path}`, {
      headers: { traceparent: `00-${caller.traceId}-${caller.spanId}-01`, tracestate: 'vendor=caller' },
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { caller, status: response.status, body };
  }

  /** The span linked to the caller's span (waits for it), and every span of its trace received so far. */
  async function linkedFrom(caller: { traceId: string; spanId: string }, complete: (spans: ReceivedSpan[]) => boolean) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const edge = receiver.spans.find((s) => s.links.some((l) => l.traceId === caller.traceId));
      const spans = edge ? receiver.spans.filter((s) => s.traceId === edge.traceId) : [];
      if (edge && complete(spans)) return { edge, spans };
      if (Date.now() > deadline) throw new Error(`no complete trace linked from ${caller.traceId}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('starts a new root trace linked to the caller’s span, and keeps no query value', async () => {
    const { caller, body } = await callWithForeignTrace('/catalog/products?token=secret-catalog-42');
    expect(body).toBeDefined();
    const { edge, spans } = await linkedFrom(caller, (all) => all.length > 0);

    expect(edge.kind).toBe(SERVER);
    expect(edge.attributes['url.path']).toBe('/catalog/products');
    expect(edge.traceId).not.toBe(caller.traceId);
    expect(edge.parentSpanId).toBeUndefined();
    expect(edge.links).toEqual([
      { traceId: caller.traceId, spanId: caller.spanId, attributes: { 'arcade.link': 'caller' } },
    ]);
    expect(receiver.spans.filter((s) => s.traceId === caller.traceId)).toEqual([]);
    expect(JSON.stringify(spans)).not.toContain('secret-catalog-42');
  });

  it('answers a problem with its own trace id, not the caller’s', async () => {
    const { caller, status, body } = await callWithForeignTrace('/no-such-route');
    expect(status).toBe(404);
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.traceId).not.toBe(caller.traceId);
  });

  it('says in its start-up summary that it traces, where to, and that callers get a new trace', () => {
    const summary = topology.processes
      .get('main')!
      .child.output()
      .split('\n')
      .find((line) => line.includes('Arcade is ready'));
    expect(JSON.parse(summary!)).toMatchObject({
      tracing: expect.stringMatching(
        /^on: OTLP to http:\/\/127\.0\.0\.1:\d+\/, sampler \S+, service arcade.*, new trace per request$/,
      ),
    });
  });

  if (kind === 'split') {
    it('continues the gateway’s trace in the process behind it, and the gateway’s client span keeps no query value', async () => {
      const { caller } = await callWithForeignTrace('/recommendations/popular?limit=3&token=secret-gateway-42');
      const behind = (spans: ReceivedSpan[]) =>
        spans.find((s) => s.kind === SERVER && s.service === 'arcade-recommendations');
      const { edge, spans } = await linkedFrom(
        caller,
        (all) => behind(all) !== undefined && all.some((s) => s.kind === CLIENT),
      );

      // The gateway: a new root, linked to the caller.
      expect(edge.kind).toBe(SERVER);
      expect(edge.service).toBe(`arcade-${SPLIT_PROCESSES.main.join('-')}`);
      expect(edge.parentSpanId).toBeUndefined();
      // Its hop to the recommendations process, and that process's span as the hop's child.
      const hop = spans.find((s) => s.kind === CLIENT && s.parentSpanId === edge.spanId)!;
      expect(hop).toBeDefined();
      expect(String(hop.attributes['url.full'])).toMatch(/\/recommendations\/popular\?limit=[^&]*&token=/);
      const served = behind(spans)!;
      expect(served.parentSpanId).toBe(hop.spanId);
      expect(served.links).toEqual([]);
      expect(JSON.stringify(spans)).not.toContain('secret-gateway-42');
    });
  }
});
