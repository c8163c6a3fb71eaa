import { HttpShop, Headers } from '../e2e/support/http-shop';
import { ADMIN, SPLIT_PROCESSES, Topology, topologiesToRun, TopologyKind } from '../e2e/support/topology';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';

// ADR 0119: one checkout is one trace, from POST /orders through every saga step, the outbox hops
// and (split) the NATS hops between processes, down to the confirmation email; exported over
// OTLP/HTTP to a real receiver on loopback.

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const ERROR = 2;

/** The spans of one trace, and ways to ask about them. */
class Trace {
  constructor(readonly spans: readonly ReceivedSpan[]) {}

  named(name: string, where: (span: ReceivedSpan) => boolean = () => true): ReceivedSpan[] {
    return this.spans.filter((span) => span.name === name && where(span));
  }

  one(name: string, where?: (span: ReceivedSpan) => boolean): ReceivedSpan {
    const found = this.named(name, where);
    if (found.length === 0) throw new Error(`no span "${name}" in the trace: ${this.names().join(', ')}`);
    return found[0];
  }

  parentOf(span: ReceivedSpan): ReceivedSpan | undefined {
    return this.spans.find((candidate) => candidate.spanId === span.parentSpanId);
  }

  /** The chain of parents of `span` up to the root (all of them must have been received). */
  ancestors(span: ReceivedSpan): ReceivedSpan[] {
    const chain: ReceivedSpan[] = [];
    for (let at = this.parentOf(span); at; at = this.parentOf(at)) chain.push(at);
    return chain;
  }

  root(): ReceivedSpan | undefined {
    return this.spans.find((span) => span.parentSpanId === undefined);
  }

  names(): string[] {
    return [...new Set(this.spans.map((span) => span.name))].sort();
  }
}

const isPostOrders = (span: ReceivedSpan): boolean =>
  span.kind === SERVER &&
  span.name.startsWith('POST') &&
  [span.attributes['url.path'], span.attributes['http.target'], span.attributes['http.route']].includes('/orders');

/** Waits until the trace of `orderId` holds what `complete` wants, then returns it. */
async function traceOfOrder(
  shop: HttpShop,
  receiver: OtlpReceiver,
  orderId: string,
  complete: (trace: Trace) => boolean,
): Promise<Trace> {
  let trace = new Trace([]);
  await shop.eventually(
    async () => {
      const marker = receiver.spans.find(
        (span) => span.name === 'outbox catalog.ReserveStock' && span.attributes['arcade.message.key'] === orderId,
      );
      trace = new Trace(marker ? receiver.spans.filter((span) => span.traceId === marker.traceId) : []);
      return marker !== undefined && complete(trace);
    },
    () => `the trace of order ${orderId}; spans so far: ${trace.names().join(', ')}`,
    60_000,
  );
  return trace;
}

const orderId = (span: ReceivedSpan) => span.attributes['arcade.message.key'];

/** Every span the checkout must show, once its confirmation email is handled. */
function checkoutComplete(id: string) {
  return (trace: Trace): boolean =>
    trace.spans.some(isPostOrders) &&
    [
      'catalog.ReserveStock',
      'payments.AuthorizePayment',
      'catalog.CommitStock',
      'payments.CapturePayment',
      'cart.ClearCart',
    ].every((type) => trace.named(`send ${type}`, (s) => orderId(s) === id).length > 0) &&
    trace.named('handle orders.OrderConfirmed.v1', (s) => s.attributes['arcade.handler'] === 'SendOrderConfirmedEmail')
      .length > 0 &&
    // every span's parents have arrived too (a span whose parent has not arrived has no ancestors: it is its own top)
    trace.spans.every((span) => (trace.ancestors(span).at(-1) ?? span).parentSpanId === undefined);
}

describe.each(topologiesToRun())('the trace of one checkout (%s)', (kind: TopologyKind) => {
  let receiver: OtlpReceiver;
  let topology: Topology;
  let shop: HttpShop;
  let admin: Headers;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    topology = await Topology.start(kind, { env: { ...receiver.env, LOG_LEVEL: 'info' }, readyTimeoutMs: 240_000 });
    shop = new HttpShop(topology.baseUrl);
    admin = await shop.login(ADMIN.email, ADMIN.password);
  }, 300_000);
  afterAll(async () => {
    await topology?.stop();
    await receiver?.stop();
  }, 60_000);

  it('follows POST /orders through reserve, authorize, confirm, capture, cart clear and the email in one trace', async () => {
    const { variantId } = await shop.createProduct(admin, 5, 1800);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed.status).toBe(202);
    const id = placed.body.id as string;
    await shop.orderUntil(customer.auth, id, ['confirmed']);

    const trace = await traceOfOrder(shop, receiver, id, checkoutComplete(id));
    // One trace from the request: its root is the HTTP span of POST /orders.
    const root = trace.root()!;
    expect(isPostOrders(root)).toBe(true);
    for (const span of trace.spans) expect(trace.ancestors(span).at(-1) ?? span).toBe(root);

    // The outbox hop: the relay's delivery is a child of the span that wrote the row, which is a
    // child of the unit of work that wrote it (under the request for the first step).
    const written = trace.one('outbox catalog.ReserveStock');
    expect(written.kind).toBe(PRODUCER);
    const delivered = trace.one('deliver catalog.ReserveStock');
    expect(delivered.parentSpanId).toBe(written.spanId);
    expect(delivered.attributes).toMatchObject({
      'arcade.outbox.delivery': 'hand-off',
      'arcade.attempt': 1,
      'arcade.outcome': 'ok',
      'arcade.message.key': id,
      'arcade.message.type': 'catalog.ReserveStock',
      'arcade.module': 'catalog',
    });
    expect(trace.ancestors(written)).toContain(root);
    // Each step is dispatched under its delivery, and the saga's decisions are named on the spans.
    for (const type of [
      'catalog.ReserveStock',
      'payments.AuthorizePayment',
      'catalog.CommitStock',
      'payments.CapturePayment',
    ]) {
      const send = trace.one(`send ${type}`);
      expect(trace.parentOf(send)!.name).toBe(`deliver ${type}`);
      expect(send.attributes['messaging.message.id']).toEqual(expect.any(String));
    }
    expect(
      trace.named('handle payments.PaymentCaptured.v1').length +
        trace.named('receive payments.PaymentCaptured.v1').length,
    ).toBeGreaterThan(0);
    expect(
      trace.spans.some((s) => s.attributes['arcade.saga.step'] === 'commit_stock,capture_payment,clear_cart'),
    ).toBe(true);

    // The email: notifications handles OrderConfirmed in the same trace.
    const email = trace.one(
      'handle orders.OrderConfirmed.v1',
      (s) => s.attributes['arcade.handler'] === 'SendOrderConfirmedEmail',
    );
    expect(email.kind).toBe(CONSUMER);
    expect(email.attributes['arcade.module']).toBe('notifications');

    // Statements are traced, without their parameter values.
    const statements = trace.spans.filter(
      (s) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql',
    );
    expect(statements.length).toBeGreaterThan(0);
    const texts = statements.map((s) => String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? ''));
    expect(texts.some((t) => t.includes('INSERT INTO outbox'))).toBe(true);
    expect(texts.join('\n')).not.toContain(customer.email);
    for (const s of statements)
      expect(
        Object.keys(s.attributes).filter((k) => k.startsWith('db.query.parameter') || k === 'db.postgresql.values'),
      ).toEqual([]);

    if (kind === 'split') {
      // Across processes over NATS: the payments process answers in a server span of the same trace.
      const authorize = trace.one('handle payments.AuthorizePayment');
      expect(authorize.kind).toBe(SERVER);
      expect(authorize.service).toBe('arcade-payments');
      expect(trace.parentOf(authorize)).toMatchObject({
        name: 'send payments.AuthorizePayment',
        kind: CLIENT,
        // the entry point's process, named after the modules it hosts
        service: `arcade-${SPLIT_PROCESSES.main.join('-')}`,
      });
      // JetStream: the event payments published reaches orders in a consumer span of the same trace.
      const received = trace.one('receive payments.PaymentAuthorized.v1');
      expect(received.kind).toBe(CONSUMER);
      expect(trace.parentOf(received)).toMatchObject({
        name: 'deliver payments.PaymentAuthorized.v1',
        service: 'arcade-payments',
      });
    } else {
      expect(new Set(trace.spans.map((s) => s.service))).toEqual(new Set(['arcade']));
    }

    // The request's log lines carry its trace beside its correlation id.
    const main = topology.processes.get('main')!.child;
    const logged = main
      .output()
      .split('\n')
      .filter((line) => line.includes('POST /orders 202'))
      .map((line) => JSON.parse(line) as { traceId?: string; correlationId?: string });
    expect(logged).toContainEqual(
      expect.objectContaining({ traceId: root.traceId, correlationId: expect.any(String) }),
    );
  }, 120_000);

  it('answers a problem with the trace id of the request', async () => {
    const customer = await shop.signUp();
    const refused = await shop.request('POST', '/orders', customer.auth, { cartId: 'not-a-cart' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.traceId).toMatch(/^[0-9a-f]{32}$/);
    await shop.eventually(
      async () => receiver.spans.some((s) => s.traceId === refused.body.traceId && s.kind === SERVER),
      'the span of the refused request',
      30_000,
    );
  }, 60_000);

  if (kind === 'monolith') {
    it('continues the original trace, linked, when a row is delivered after a crash', async () => {
      const { variantId } = await shop.createProduct(admin, 5, 900);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      // A process that writes its outbox but never delivers it (no relay), then dies.
      await topology.kill('main', 'SIGTERM');
      await topology.startProcess('main', { OUTBOX_RELAY: 'false' });
      const placed = await shop.placeOrder(customer.auth, cartId);
      expect(placed.status).toBe(202);
      const id = placed.body.id as string;
      await shop.eventually(
        async () =>
          receiver.spans.some(
            (s) => s.name === 'outbox catalog.ReserveStock' && s.attributes['arcade.message.key'] === id,
          ),
        'the span that wrote the first step',
        30_000,
      );
      await topology.kill('main', 'SIGKILL');
      // Another instance picks the row up by polling and carries the checkout through.
      await topology.startProcess('main');
      await shop.orderUntil(customer.auth, id, ['confirmed']);

      const trace = await traceOfOrder(
        shop,
        receiver,
        id,
        (t) =>
          t.named('deliver catalog.ReserveStock').length > 0 && t.named('handle orders.OrderConfirmed.v1').length > 0,
      );
      const written = trace.one('outbox catalog.ReserveStock');
      const delivered = trace.one('deliver catalog.ReserveStock');
      expect(delivered.attributes).toMatchObject({ 'arcade.outbox.delivery': 'poll', 'arcade.attempt': 1 });
      expect(delivered.parentSpanId).toBe(written.spanId);
      expect(delivered.links).toEqual([
        {
          traceId: written.traceId,
          spanId: written.spanId,
          attributes: { 'arcade.link': 'redelivery', 'arcade.attempt': 1 },
        },
      ]);
      expect(delivered.status).not.toBe(ERROR);
      // The rest of the checkout, in the new process, continues the same trace.
      expect(trace.root()).toBeDefined();
      expect(isPostOrders(trace.root()!)).toBe(true);
    }, 480_000);
  }
});
