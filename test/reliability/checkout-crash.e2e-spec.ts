import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { AccessTokens } from '../../src/platform/auth';
import { loadConfig } from '../../src/platform/config';
import { freePort, waitForOk } from '../support/app-process';
import { Json } from '../support/shop-steps';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { runTs, TsProcess } from '../support/ts-process';

const CHILD = resolve(__dirname, 'support/app-child.ts');
const JWT_SECRET = 'checkout-crash-test-secret-0123456789abcdef';
const tokens = new AccessTokens(loadConfig({ JWT_SECRET }));
const auth = (id: string, roles: ('customer' | 'admin')[]) => ({
  authorization: `Bearer ${tokens.sign({ id, roles })}`,
});
const admin = auth(randomUUID(), ['admin']);

/** Each child dies at the first delivery of one saga step; the next one picks up where it stopped. */
const CRASH_POINTS = [
  'catalog.ReserveStock:before',
  'catalog.StockReserved.v1:after',
  'payments.AuthorizePayment:after',
  'payments.PaymentAuthorized.v1:before',
  'catalog.CommitStock:before',
  'payments.CapturePayment:after',
  'cart.ClearCart:before',
  // An order with a promotion code redeems it first (ADR 0118): a crash around the redemption neither
  // loses the use nor counts it twice.
  'promotions.RedeemPromotion:after',
  'promotions.PromotionRedeemed.v1:before',
];
const CODE = 'CRASH10';

describe('the app killed with SIGKILL at each step of the checkout saga', () => {
  let database: TestDatabase;
  const children: TsProcess[] = [];
  // A database per crash point: no message left over from one case can trip the next.
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const child of children)
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await Promise.all(children.splice(0).map((child) => child.exited()));
    await database.drop();
  });

  async function start(crashAt?: string): Promise<{ child: TsProcess; base: string; ready: boolean }> {
    const port = await freePort();
    const child = runTs(CHILD, {
      DATABASE_URL: database.url,
      PORT: String(port),
      JWT_SECRET,
      CRASH_AT: crashAt,
      OUTBOX_POLL_MS: '50',
      OUTBOX_RETRY_BASE_MS: '50',
      OUTBOX_RETRY_MAX_MS: '200',
      // Rows a killed process had leased to itself wait this long for the next one's poll.
      OUTBOX_LEASE_MS: '500',
    });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    const died = child.exited().then(() => false);
    const ready = await Promise.race([waitForOk(`${base}/health/ready`, 60_000).then(() => true), died]);
    return { child, base, ready };
  }

  /** One HTTP exchange on a fresh connection (no keep-alive socket outlives a killed child). */
  function call(
    base: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((done, fail) => {
      const request = httpRequest(
        `${base}${path}`,
        { method, agent: false, headers: payload ? { ...headers, 'content-type': 'application/json' } : headers },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => done({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
          response.on('error', fail);
        },
      );
      request.on('error', fail);
      request.end(payload);
    });
  }

  async function placeOrder(
    base: string,
    variantId: string,
    customer: Record<string, string>,
    withCode: boolean,
  ): Promise<void> {
    const cart = await call(base, 'POST', '/carts', customer);
    await call(base, 'POST', `/carts/${cart.body.id}/items`, customer, { variantId, quantity: 2 });
    if (withCode) await call(base, 'POST', `/carts/${cart.body.id}/promotions`, customer, { code: CODE });
    await call(
      base,
      'POST',
      '/orders',
      { ...customer, 'idempotency-key': randomUUID() },
      {
        cartId: cart.body.id,
        shippingAddress: { name: 'K', line1: 'L', city: 'C', postalCode: '1', country: 'DE' },
        payment: { provider: 'sandbox', token: 'tok_visa' },
      },
    );
  }

  /** Confirmed with every step done (stock committed, payment captured) or cancelled. */
  async function settledOrder(base: string, customer: Record<string, string>): Promise<Json> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await call(base, 'GET', '/orders', customer);
      const order = body.items?.[0];
      const done = (status: string) => order?.timeline.some((e: { status: string }) => e.status === status);
      if (
        order &&
        (order.status === 'cancelled' ||
          (order.status === 'confirmed' && done('payment_captured') && done('stock_committed')))
      )
        return order;
      if (Date.now() > deadline) throw new Error(`order not settled: ${JSON.stringify(order)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it.each(CRASH_POINTS)(
    'settles an order whose process died at %s, with nothing leaked, lost or done twice',
    async (crashAt) => {
      const setup = await start();
      const created = await call(setup.base, 'POST', '/catalog/products', admin, {
        title: 'Crash-tested kettle',
        description: 'Survives anything',
        variants: [
          {
            sku: `KETTLE-${randomUUID().slice(0, 6)}`,
            title: 'Steel',
            price: { amount: 3900, currency: 'EUR' },
            stock: 10,
          },
        ],
      });
      expect(created.status).toBe(201);
      const withCode = crashAt.startsWith('promotions.');
      const promotion = withCode
        ? await call(setup.base, 'POST', '/promotions', admin, {
            code: CODE,
            benefit: { type: 'percentage', ratePpm: 100_000 },
            limits: { totalRedemptions: 5 },
          })
        : undefined;
      setup.child.child.kill('SIGTERM');
      await setup.child.exited();

      const doomed = await start(crashAt);
      expect(doomed.ready).toBe(true);
      const customer = auth(randomUUID(), ['customer']);
      // The process may die mid-request (the relay delivers right after commit): what was committed
      // is found afterwards through the customer's order list.
      await placeOrder(doomed.base, created.body.variants[0].id, customer, withCode).catch(() => undefined);
      expect(await doomed.child.exited()).toEqual({ code: null, signal: 'SIGKILL' });

      const recovery = await start();
      const order = await settledOrder(recovery.base, customer);
      const product = await call(recovery.base, 'GET', `/catalog/products/${created.body.id}`, {});
      const payments = await call(recovery.base, 'GET', `/payments?orderId=${order.id}`, customer);
      const statuses = (payments.body.items ?? []).map((p: { status: string }) => p.status);
      // tok_visa, stock for it and a step deadline far away: every crash point must end confirmed.
      expect(order.status).toBe('confirmed');
      expect(product.body.variants[0].available).toBe(8);
      expect(statuses).toEqual(['captured']);
      if (promotion) {
        expect(order).toMatchObject({ promotionCodes: [CODE], totals: { discountTotal: { amount: 780 } } });
        const counted = await call(recovery.base, 'GET', `/promotions/${promotion.body.id}`, admin);
        expect(counted.body.redeemed).toBe(1);
      }
      recovery.child.child.kill('SIGTERM');
      await recovery.child.exited();
    },
    120_000,
  );

  // A cancellation gives the redemption back twice over (the saga's `ReleasePromotionRedemption` and
  // promotions' own `OrderCancelled` handler, ADR 0118): a crash around the release must give it back
  // exactly once. Another order keeps one use counted, so a second give-back would show (1 → 0).
  it.each(['promotions.ReleasePromotionRedemption:before', 'promotions.ReleasePromotionRedemption:after'])(
    "gives a cancelled order's redemption back exactly once when the process died at %s",
    async (crashAt) => {
      const setup = await start();
      const created = await call(setup.base, 'POST', '/catalog/products', admin, {
        title: 'Crash-tested kettle',
        description: 'Survives anything',
        variants: [
          {
            sku: `KETTLE-${randomUUID().slice(0, 6)}`,
            title: 'Steel',
            price: { amount: 3900, currency: 'EUR' },
            stock: 10,
          },
        ],
      });
      expect(created.status).toBe(201);
      const variantId = created.body.variants[0].id;
      const promotion = await call(setup.base, 'POST', '/promotions', admin, {
        code: CODE,
        benefit: { type: 'percentage', ratePpm: 100_000 },
        limits: { totalRedemptions: 5 },
      });
      expect(promotion.status).toBe(201);
      const keeper = auth(randomUUID(), ['customer']);
      await placeOrder(setup.base, variantId, keeper, true);
      expect(await settledOrder(setup.base, keeper)).toMatchObject({ status: 'confirmed', promotionCodes: [CODE] });
      setup.child.child.kill('SIGTERM');
      await setup.child.exited();

      const doomed = await start(crashAt);
      expect(doomed.ready).toBe(true);
      const customer = auth(randomUUID(), ['customer']);
      await placeOrder(doomed.base, variantId, customer, true);
      const placed = await settledOrder(doomed.base, customer);
      expect(placed).toMatchObject({ status: 'confirmed', promotionCodes: [CODE] });
      // The process may die right after the cancellation commits (the relay delivers at once).
      await call(doomed.base, 'POST', `/orders/${placed.id}/cancel`, customer).catch(() => undefined);
      expect(await doomed.child.exited()).toEqual({ code: null, signal: 'SIGKILL' });

      const recovery = await start();
      expect(await settledOrder(recovery.base, customer)).toMatchObject({ id: placed.id, status: 'cancelled' });
      const sql = new Client({ connectionString: database.url });
      await sql.connect();
      try {
        // Both give-backs delivered: the saga's command and the cancellation event.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const { rows } = await sql.query(
            `SELECT count(*)::int AS n FROM orders.outbox
              WHERE type IN ('promotions.ReleasePromotionRedemption', 'orders.OrderCancelled.v1') AND status = 'delivered'`,
          );
          if (rows[0].n === 2) break;
          if (Date.now() > deadline) throw new Error(`the give-backs were not delivered (${rows[0].n} of 2)`);
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await sql.end();
      }
      const counted = await call(recovery.base, 'GET', `/promotions/${promotion.body.id}`, admin);
      expect(counted.body.redeemed).toBe(1);
      recovery.child.child.kill('SIGTERM');
      await recovery.child.exited();
    },
    120_000,
  );
});
