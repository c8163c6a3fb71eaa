import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReviewDeadlineSweeper } from '../../src/modules/payments/application/reviews/review-deadline.sweeper';
import { createApp } from '../../src/create-app';
import { loadConfig } from '../../src/platform/config';
import { ModuleDataSources } from '../../src/platform/database';
import { Shop } from '../support/shop';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Issue 21: a payment the risk check sends to review is authorized but not captured, and the
 * checkout waits in `awaiting_review` until a person approves or rejects it or its deadline applies
 * the configured default. The rules trigger the review here (cold start, no model): a US card
 * shipped to Germany scores 20, and the review threshold is set to 20.
 */
describe('checkout waits for a payment held for review (all modules, real PostgreSQL)', () => {
  let database: TestDatabase;
  const env = (extra: Record<string, string> = {}) =>
    loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: database.url,
      MODULES: 'all',
      SIGNUP_MAX_PER_ADDRESS: '1000000',
      OUTBOX_POLL_MS: '50',
      OUTBOX_RETRY_BASE_MS: '50',
      OUTBOX_RETRY_MAX_MS: '200',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_ITERATIONS: '1',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
      JWT_SECRET: 'checkout-review-test-secret-0123456789abcdef',
      RISK_REVIEW_SCORE: '20',
      FRAUD_REVIEW_DEFAULT: 'approve',
      FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0',
      ...extra,
    });
  const start = async (extra: Record<string, string> = {}) => {
    const app = (await createApp(env(extra), { database })) as NestFastifyApplication;
    await app.getHttpAdapter().getInstance().ready();
    return app;
  };
  let app: NestFastifyApplication;
  let shop: Shop;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await start();
    shop = new Shop(app);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const sql = (query: string, params: unknown[] = [], module = 'orders') =>
    app.get(ModuleDataSources).get(module)!.query(query, params) as Promise<Record<string, unknown>[]>;
  const sagaState = async (orderId: string) =>
    (await sql(`SELECT state, step_deadline FROM checkout_sagas WHERE order_id = $1`, [orderId]))[0];
  const payment = async (orderId: string) =>
    (
      await sql(
        `SELECT id, status, captured_amount::int AS captured FROM payments WHERE order_id = $1`,
        [orderId],
        'payments',
      )
    )[0];

  /** An order whose payment the risk check holds: it waits in awaiting_review, authorized, nothing captured. */
  const heldOrder = async () => {
    const { productId, variantId } = await shop.createProduct(5, 3000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const orderId = placed.body.id as string;
    await shop.eventually(async () => (await sagaState(orderId))?.state === 'awaiting_review', 'awaiting review');
    return { orderId, productId, customer };
  };

  it('holds the payment (authorized, not captured) while the order waits; approving captures and confirms, once', async () => {
    const { orderId, productId, customer } = await heldOrder();
    expect(await sagaState(orderId)).toEqual({ state: 'awaiting_review', step_deadline: null });
    const order = await shop.request('GET', `/orders/${orderId}`, customer.auth);
    expect(order.body.status).toBe('pending');
    expect(order.body.timeline.map((e: { status: string }) => e.status)).toContain('payment_held_for_review');
    const held = await payment(orderId);
    expect(held).toMatchObject({ status: 'authorized', captured: 0 });
    expect(await shop.available(productId)).toBe(3);

    const approve = () => shop.request('POST', `/payments/reviews/${held.id as string}/approve`, shop.admin());
    const answers = await Promise.all([approve(), approve()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const confirmed = await shop.orderUntil(customer.auth, orderId, ['confirmed', 'cancelled']);
    expect(confirmed.status).toBe('confirmed');
    await shop.eventually(async () => (await payment(orderId)).status === 'captured', 'captured');
    expect((await approve()).status).toBe(200);
    const [{ captures }] = await sql(
      `SELECT count(*)::int AS captures FROM sandbox_requests WHERE idempotency_key = $1 AND response IS NOT NULL`,
      [`${held.id as string}:capture`],
      'payments',
    );
    expect(captures).toBe(1);
    expect(await payment(orderId)).toMatchObject({ status: 'captured', captured: 6000 });
  });

  it('rejecting voids the hold and cancels the order with payment_risk; a second reject is harmless', async () => {
    const { orderId, productId, customer } = await heldOrder();
    const { id } = await payment(orderId);
    const reject = () => shop.request('POST', `/payments/reviews/${id as string}/reject`, shop.admin());
    expect((await reject()).status).toBe(200);
    const cancelled = await shop.orderUntil(customer.auth, orderId, ['confirmed', 'cancelled']);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'payment_risk' });
    await shop.eventually(async () => (await payment(orderId)).status === 'voided', 'voided');
    await shop.eventually(async () => (await shop.available(productId)) === 5, 'stock released');
    expect((await reject()).status).toBe(200);
    expect((await shop.request('POST', `/payments/reviews/${id as string}/approve`, shop.admin())).status).toBe(409);
    expect(await payment(orderId)).toMatchObject({ status: 'voided', captured: 0 });
  });

  it('a review left past its deadline follows the configured default (approve here)', async () => {
    const { orderId, customer } = await heldOrder();
    await sql(
      `UPDATE fraud_reviews SET deadline = now() - interval '1 second' WHERE order_id = $1`,
      [orderId],
      'payments',
    );
    expect(await app.get(ReviewDeadlineSweeper).sweep()).toBe(1);
    const order = await shop.orderUntil(customer.auth, orderId, ['confirmed', 'cancelled']);
    expect(order.status).toBe('confirmed');
    await shop.eventually(async () => (await payment(orderId)).status === 'captured', 'captured');
  });

  it('loses nothing when the process stops while awaiting review, nor between the decision and its delivery', async () => {
    const { orderId } = await heldOrder();
    const { id } = await payment(orderId);
    await app.close();
    // A process that decides but delivers nothing (it stops right after the commit).
    app = await start({ OUTBOX_RELAY: 'false' });
    shop = new Shop(app);
    expect(await sagaState(orderId)).toMatchObject({ state: 'awaiting_review' });
    expect((await shop.request('POST', `/payments/reviews/${id as string}/approve`, shop.admin())).status).toBe(200);
    expect(await sagaState(orderId)).toMatchObject({ state: 'awaiting_review' });
    await app.close();
    // The next process delivers the decision from the outbox: the order confirms, captured once.
    app = await start();
    shop = new Shop(app);
    await shop.eventually(async () => (await payment(orderId)).status === 'captured', 'captured after restart');
    await shop.eventually(async () => (await sagaState(orderId)).state === 'completed', 'checkout completed');
    const [order] = await sql(`SELECT status FROM orders WHERE id = $1`, [orderId]);
    expect(order.status).toBe('confirmed');
  });
});
