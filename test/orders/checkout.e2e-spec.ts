import { randomUUID } from 'node:crypto';
import { ModuleDataSources } from '../../src/platform/database';
import { OutboxRelays } from '../../src/platform/messaging/testing';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

describe('checkout saga (all modules in one process, real PostgreSQL)', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        OUTBOX_POLL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '50',
        OUTBOX_RETRY_MAX_MS: '200',
        // Cheap hashing and a generous per-address limit: fifty shoppers sign in from one test client.
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
      },
    });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  it('confirms an order: stock committed, payment captured, cart emptied, email sent', async () => {
    const { productId, variantId } = await shop.createProduct(10, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);

    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed.status).toBe(202);
    expect(placed.body).toEqual({ id: expect.any(String), status: 'pending' });

    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order.status).toBe('confirmed');
    expect(order.totals.total).toEqual({ amount: 5000, currency: 'EUR' });
    expect(order.timeline.map((e: { status: string }) => e.status)).toEqual(
      expect.arrayContaining(['pending', 'stock_reserved', 'payment_authorized', 'confirmed']),
    );

    await shop.eventually(async () => {
      const payments = await shop.request('GET', `/payments?orderId=${order.id}`, customer.auth);
      return payments.body.items?.[0]?.status === 'captured';
    }, 'payment captured');
    // A checked-out cart is retired: it is gone, and the customer's next cart is a new one.
    await shop.eventually(
      async () => (await shop.request('GET', `/carts/${cartId}`, customer.auth)).status === 404,
      'cart retired',
    );
    const next = await shop.request('POST', '/carts', customer.auth);
    expect(next.status).toBe(201);
    expect(next.body.items).toEqual([]);
    await shop.eventually(async () => {
      const mailbox = await shop.request(
        'GET',
        `/notifications/mailbox?to=${encodeURIComponent(customer.email)}`,
        shop.admin(),
      );
      return (mailbox.body.items ?? []).some((m: { subject: string }) => /confirm/i.test(m.subject));
    }, 'confirmation email');
    expect(await shop.available(productId)).toBe(8);
  });

  it.each([
    ['tok_chargeDeclined', 'payment_declined'],
    ['tok_insufficientFunds', 'insufficient_funds'],
    ['tok_riskHigh', 'payment_risk'],
  ])('cancels an order paid with %s for %s, holding nothing', async (token, reason) => {
    const { productId, variantId } = await shop.createProduct(5);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]);
    const placed = await shop.placeOrder(customer.auth, cartId, token);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: reason });
    await shop.eventually(async () => (await shop.available(productId)) === 5, 'stock released');
    const payments = await shop.request('GET', `/payments?orderId=${order.id}`, customer.auth);
    expect(
      (payments.body.items ?? []).filter((p: { status: string }) => ['authorized', 'captured'].includes(p.status)),
    ).toEqual([]);
  });

  it('cancels for stock when the units went while the cart waited', async () => {
    const { productId, variantId } = await shop.createProduct(3);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]);
    const stock = await shop.request('PUT', `/catalog/variants/${variantId}/stock`, shop.admin(), { onHand: 1 });
    expect(stock.status).toBe(200);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'insufficient_stock' });
    expect(await shop.available(productId)).toBe(1);
  });

  it('answers a repeated Idempotency-Key with the same order, a changed body with 422, none with 400', async () => {
    const { variantId } = await shop.createProduct(10);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const key = randomUUID();
    const first = await shop.placeOrder(customer.auth, cartId, 'tok_visa', key);
    const again = await shop.placeOrder(customer.auth, cartId, 'tok_visa', key);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const changed = await shop.placeOrder(customer.auth, cartId, 'tok_chargeDeclined', key);
    expect(changed.status).toBe(422);
    const missing = await shop.request('POST', '/orders', customer.auth, {
      cartId,
      shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
      payment: { provider: 'sandbox', token: 'tok_visa' },
    });
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('creates one order for concurrent requests with one key', async () => {
    const { variantId } = await shop.createProduct(10);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => shop.placeOrder(customer.auth, cartId, 'tok_visa', key)),
    );
    const ids = new Set(answers.filter((a) => a.status === 202).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.every((a) => a.status === 202 || a.status === 409)).toBe(true);
    const mine = await shop.request('GET', '/orders', customer.auth);
    expect(mine.body.items).toHaveLength(1);
  });

  it('sells the last 5 units to exactly 5 of 50 customers checking out at once', async () => {
    const { productId, variantId } = await shop.createProduct(5);
    const customers = await Promise.all(Array.from({ length: 50 }, () => shop.signUp()));
    const carts = await Promise.all(customers.map((c) => shop.cartWith(c.auth, [{ variantId, quantity: 1 }])));
    const placed = await Promise.all(customers.map((c, i) => shop.placeOrder(c.auth, carts[i])));
    expect(placed.every((p) => p.status === 202)).toBe(true);
    const orders = await Promise.all(
      customers.map((c, i) => shop.orderUntil(c.auth, placed[i].body.id, ['confirmed', 'cancelled'], 60_000)),
    );
    expect(orders.filter((o) => o.status === 'confirmed')).toHaveLength(5);
    expect(orders.filter((o) => o.status === 'cancelled' && o.cancelReason === 'insufficient_stock')).toHaveLength(45);
    expect(await shop.available(productId)).toBe(0);
  }, 120_000);

  it('keeps other customers out: their order, cart and payments are 404; prices and status in a body are 400', async () => {
    const { variantId } = await shop.createProduct(10);
    const owner = await shop.signUp();
    const stranger = await shop.signUp();
    const cartId = await shop.cartWith(owner.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(owner.auth, cartId);
    await shop.orderUntil(owner.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect((await shop.request('GET', `/orders/${placed.body.id}`, stranger.auth)).status).toBe(404);
    expect((await shop.request('POST', `/orders/${placed.body.id}/cancel`, stranger.auth)).status).toBe(404);
    expect((await shop.request('GET', `/payments?orderId=${placed.body.id}`, stranger.auth)).status).toBe(404);
    const strangersCart = await shop.placeOrder(stranger.auth, cartId);
    expect(strangersCart.status).toBe(404);
    for (const extra of [
      { total: { amount: 1, currency: 'EUR' } },
      { status: 'confirmed' },
      { lines: [{ unitPrice: 1 }] },
    ]) {
      const response = await shop.request(
        'POST',
        '/orders',
        { ...owner.auth, 'idempotency-key': randomUUID() },
        {
          cartId,
          shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
          payment: { provider: 'sandbox', token: 'tok_visa' },
          ...extra,
        },
      );
      expect(response.status).toBe(400);
    }
    const others = await shop.request('GET', '/orders', stranger.auth);
    expect(others.body.items).toEqual([]);
  });

  it('lets a customer cancel a confirmed order: refunded and restocked; ships and refuses customer cancellation after', async () => {
    const { productId, variantId } = await shop.createProduct(4);
    const customer = await shop.signUp();
    const firstCart = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const cancelled = await shop.placeOrder(customer.auth, firstCart);
    await shop.orderUntil(customer.auth, cancelled.body.id, ['confirmed']);
    await shop.eventually(
      async () =>
        (await shop.request('GET', `/payments?orderId=${cancelled.body.id}`, customer.auth)).body.items?.[0]?.status ===
        'captured',
      'captured',
    );
    const cancel = await shop.request('POST', `/orders/${cancelled.body.id}/cancel`, customer.auth);
    expect(cancel.status).toBe(202);
    expect(cancel.body).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled_by_customer' });
    await shop.eventually(async () => (await shop.available(productId)) === 4, 'restocked');
    // The confirmation cleared the cart before the cancellation's restock ran (messages about one
    // order are delivered in the order they were committed), so the next cart is a new one.
    expect((await shop.request('GET', `/carts/${firstCart}`, customer.auth)).status).toBe(404);
    await shop.eventually(
      async () =>
        (await shop.request('GET', `/payments?orderId=${cancelled.body.id}`, customer.auth)).body.items?.[0]?.status ===
        'refunded',
      'refunded',
    );

    const shipped = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]),
    );
    await shop.orderUntil(customer.auth, shipped.body.id, ['confirmed']);
    // The warehouse ships it through shipping (POST /orders/:id/ship is gone, ADR 0113); the order follows.
    let shipmentId = '';
    await shop.eventually(async () => {
      const queue = await shop.request('GET', `/shipping/shipments?orderId=${shipped.body.id}`, shop.admin());
      shipmentId = queue.body.items?.[0]?.id ?? '';
      return shipmentId !== '';
    }, 'a shipment');
    expect((await shop.request('POST', `/shipping/shipments/${shipmentId}/pack`, customer.auth)).status).toBe(403);
    expect((await shop.request('POST', `/shipping/shipments/${shipmentId}/pack`, shop.admin())).status).toBe(200);
    const dispatch = await shop.request('POST', `/shipping/shipments/${shipmentId}/dispatch`, shop.admin(), {
      carrier: 'DHL',
      trackingNumber: `X1-${shipmentId}`,
    });
    expect(dispatch.status).toBe(200);
    const ship = { body: await shop.orderUntil(customer.auth, shipped.body.id, ['shipped']) };
    expect(ship.body).toMatchObject({
      status: 'shipped',
      shipment: { carrier: 'DHL', trackingNumber: `X1-${shipmentId}` },
    });
    expect((await shop.request('POST', `/orders/${shipped.body.id}/cancel`, customer.auth)).status).toBe(409);
    await shop.eventually(async () => {
      const mailbox = await shop.request(
        'GET',
        `/notifications/mailbox?to=${encodeURIComponent(customer.email)}`,
        shop.admin(),
      );
      return (mailbox.body.items ?? []).some((m: { subject: string }) => /on its way/i.test(m.subject));
    }, 'shipping email');
  });

  it('shows every order to an admin, filtered by status and customer', async () => {
    const { variantId } = await shop.createProduct(10);
    const customer = await shop.signUp();
    const placed = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]),
      'tok_chargeDeclined',
    );
    await shop.orderUntil(customer.auth, placed.body.id, ['cancelled']);
    const list = await shop.request('GET', `/orders?status=cancelled&customerId=${customer.id}`, shop.admin());
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.id]);
    expect((await shop.request('GET', '/orders?limit=0', shop.admin())).status).toBe(400);
    expect((await shop.request('GET', '/orders?cursor=nonsense', shop.admin())).status).toBe(400);
  });

  it('absorbs every step and compensation delivered twice: one reservation, one authorization, one capture', async () => {
    const { productId, variantId } = await shop.createProduct(6);
    const customer = await shop.signUp();
    const other = await shop.signUp();
    const confirmed = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]),
    );
    const declined = await shop.placeOrder(
      other.auth,
      await shop.cartWith(other.auth, [{ variantId, quantity: 1 }]),
      'tok_chargeDeclined',
    );
    await shop.orderUntil(customer.auth, confirmed.body.id, ['confirmed']);
    await shop.orderUntil(other.auth, declined.body.id, ['cancelled']);
    await shop.eventually(
      async () =>
        (await shop.request('GET', `/payments?orderId=${confirmed.body.id}`, customer.auth)).body.items?.[0]?.status ===
        'captured',
      'captured',
    );
    await shop.eventually(async () => (await shop.available(productId)) === 4, 'settled');

    // Deliver every message every module ever sent a second time.
    const sources = t.app.get(ModuleDataSources);
    for (const [, dataSource] of sources.entries())
      await dataSource.query(`UPDATE outbox SET status = 'pending', available_at = now()`);
    for (const relay of t.app.get(OutboxRelays).all()) await relay.drain();
    for (const relay of t.app.get(OutboxRelays).all()) await relay.drain();

    expect(await shop.available(productId)).toBe(4);
    const payments = await shop.request('GET', `/payments?orderId=${confirmed.body.id}`, customer.auth);
    expect(payments.body.items).toHaveLength(1);
    expect(payments.body.items[0]).toMatchObject({
      status: 'captured',
      capturedAmount: { amount: 5000, currency: 'EUR' },
    });
    expect((await shop.orderUntil(customer.auth, confirmed.body.id, ['confirmed'])).status).toBe('confirmed');
    expect((await shop.orderUntil(other.auth, declined.body.id, ['cancelled'])).status).toBe('cancelled');
  });
});
