import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { Json, Shop } from '../support/shop';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { natsAvailable, removeStreamsOf, startSplitApp } from './support/split-apps';

const describeWithNats = natsAvailable() ? describe : describe.skip;

const FAST = {
  OUTBOX_POLL_MS: '50',
  OUTBOX_RETRY_BASE_MS: '50',
  OUTBOX_RETRY_MAX_MS: '200',
  BROKER_REDELIVERY_BASE_MS: '100',
  BROKER_REDELIVERY_MAX_MS: '500',
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_ITERATIONS: '1',
  ORDER_CANCELLATION_RETRY_SECONDS: '1',
};

/**
 * Cancelling a confirmed order asks shipping over NATS (ADR 0113). With shipping's process gone the
 * answer is a clean 503 `cancellation-pending` and the order is not touched; once shipping is back,
 * the sweeper asks again and the order is cancelled with its shipments — never half.
 */
describeWithNats('cancelling an order while shipping runs in another process (over NATS)', () => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let main: NestFastifyApplication;
  let shipping: NestFastifyApplication | undefined;
  let shop: Shop;

  const startShipping = async () => {
    shipping = await startSplitApp({ database, prefix, modules: ['shipping'], env: FAST });
  };
  const shipmentsOf = async (orderId: string): Promise<Json[]> =>
    (await new Shop(shipping!).request('GET', `/shipping/shipments?orderId=${orderId}`, shop.admin())).body.items ?? [];

  beforeAll(async () => {
    database = await createTestDatabase();
    main = await startSplitApp({
      database,
      prefix,
      // Promotions and tax price the cart in this process: checkout never charges an unpriced cart (ADR 0118).
      modules: ['accounts', 'catalog', 'cart', 'orders', 'payments', 'promotions', 'tax'],
      env: FAST,
    });
    shop = new Shop(main);
    await startShipping();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([main?.close(), shipping?.close()]);
    await removeStreamsOf(prefix).catch(() => undefined);
    await database?.drop();
  });

  it('answers 503 while shipping is down, changes nothing, and cancels once shipping answers', async () => {
    const { productId, variantId } = await shop.createProduct(5, 2500);
    const customer = await shop.signUp();
    const placed = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]),
    );
    await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    const orderId = placed.body.id as string;
    await shop.eventually(
      async () => (await shipmentsOf(orderId)).length === 1,
      'the shipment, made in the other process',
    );
    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, orderId)).join() === 'captured',
      'captured',
    );

    await shipping!.close();
    shipping = undefined;
    const key = randomUUID();
    const cancel = () =>
      shop.request('POST', `/orders/${orderId}/cancel`, { ...customer.auth, 'idempotency-key': key });
    const pending = await cancel();
    expect(pending).toMatchObject({
      status: 503,
      body: { type: expect.stringContaining('cancellation-pending'), module: 'shipping' },
    });
    const meanwhile = (await shop.request('GET', `/orders/${orderId}`, customer.auth)).body;
    expect(meanwhile.status).toBe('confirmed');
    expect(meanwhile.timeline.map((e: Json) => e.status)).toContain('cancellation_requested');
    expect(await shop.paymentStatuses(customer.auth, orderId)).toEqual(['captured']);
    expect(await shop.available(productId)).toBe(3);

    await startShipping();
    // The sweeper asks shipping again: its answer cancels the order and its shipment together.
    const cancelled = await shop.orderUntil(customer.auth, orderId, ['cancelled']);
    expect(cancelled.cancelReason).toBe('cancelled_by_customer');
    expect((await shipmentsOf(orderId)).map((s) => s.status)).toEqual(['cancelled']);
    await shop.eventually(async () => (await shop.available(productId)) === 5, 'restocked');
    // The client's retry with its key gets the cancelled order, not a second cancellation.
    expect(await cancel()).toMatchObject({ status: 202, body: { status: 'cancelled' } });
  }, 120_000);
});
