import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { SandboxWebhooks } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { ModuleDataSources } from '../../src/platform/database';
import { bearer } from '../support/auth';
import { Headers, Json } from '../support/shop-steps';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

type Entry = { status: string; reason?: string; amount?: { amount: number; currency: string } };

/** Money moves only as the customer agreed (issue 15) and the timeline tells what happened (issue 16). */
describe('checkout: money moves only as the customer agreed', () => {
  let t: TestApp;
  let shop: Shop;
  let admin: Headers;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        OUTBOX_POLL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '50',
        OUTBOX_RETRY_MAX_MS: '200',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        RISK_VELOCITY_MAX_PAYMENTS: '1000',
      },
    });
    shop = new Shop(t.app);
    // One admin identity: Idempotency-Keys are scoped per user.
    admin = bearer(t.app, ['admin'], uuidv7());
  });
  afterAll(() => t.close());

  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const payments = async (auth: Headers, orderId: string): Promise<Json[]> =>
    (await shop.request('GET', `/payments?orderId=${orderId}`, auth)).body.items ?? [];
  const timeline = async (auth: Headers, orderId: string): Promise<Entry[]> =>
    (await shop.request('GET', `/orders/${orderId}`, auth)).body.timeline ?? [];
  const captured = (auth: Headers, orderId: string) =>
    shop.eventually(async () => (await payments(auth, orderId))[0]?.status === 'captured', 'payment captured');
  const timelineHas = (auth: Headers, orderId: string, status: string) =>
    shop.eventually(
      async () => (await timeline(auth, orderId)).some((e) => e.status === status),
      `${status} on the timeline of ${orderId}`,
    );
  const setPrice = async (productId: string, variantId: string, amount: number) => {
    const edit = await shop.request('PATCH', `/catalog/products/${productId}`, admin, {
      variants: [{ id: variantId, price: eur(amount) }],
    });
    expect(edit.status).toBe(200);
  };

  describe('one cart, one order', () => {
    it('places one order for 10 concurrent checkouts of one cart with different keys; one payment captured', async () => {
      const { productId, variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);

      const answers = await Promise.all(Array.from({ length: 10 }, () => shop.placeOrder(customer.auth, cartId)));
      const placed = answers.filter((a) => a.status === 202);
      expect(placed).toHaveLength(1);
      const refused = answers.filter((a) => a.status === 409);
      expect(refused).toHaveLength(9);
      for (const answer of refused) expect(answer.body.type).toContain('cart-checked-out');

      const order = await shop.orderUntil(customer.auth, placed[0].body.id, ['confirmed', 'cancelled']);
      expect(order.status).toBe('confirmed');
      await captured(customer.auth, order.id);
      const orders = (await shop.request('GET', '/orders', customer.auth)).body.items;
      expect(orders).toHaveLength(1);
      expect(await shop.available(productId)).toBe(9);

      // A second tab after the order was confirmed (its cart is retired by now or soon): still 409.
      const secondTab = await shop.placeOrder(customer.auth, cartId);
      expect(secondTab.status).toBe(409);
      expect(secondTab.body.type).toContain('cart-checked-out');
    });

    it('refuses a second tab whatever the first order has reached, and a declined order releases the cart', async () => {
      const { variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const tabs = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      expect((await shop.placeOrder(customer.auth, tabs)).status).toBe(202);
      const secondTab = await shop.placeOrder(customer.auth, tabs);
      expect(secondTab.status).toBe(409);
      expect(secondTab.body.type).toContain('cart-checked-out');

      const other = await shop.signUp();
      const cartId = await shop.cartWith(other.auth, [{ variantId, quantity: 1 }]);
      const declined = await shop.placeOrder(other.auth, cartId, 'tok_chargeDeclined');
      await shop.orderUntil(other.auth, declined.body.id, ['cancelled']);
      const retry = await shop.placeOrder(other.auth, cartId);
      expect(retry.status).toBe(202);
      expect((await shop.orderUntil(other.auth, retry.body.id, ['confirmed', 'cancelled'])).status).toBe('confirmed');
    });

    it("answers a replayed key with its order, and another customer's cart with 404, not 409", async () => {
      const { variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const stranger = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      const key = randomUUID();
      const first = await shop.placeOrder(customer.auth, cartId, 'tok_visa', key);
      const replay = await shop.placeOrder(customer.auth, cartId, 'tok_visa', key);
      expect(replay).toMatchObject({ status: 202, body: first.body });
      expect((await shop.placeOrder(stranger.auth, cartId)).status).toBe(404);
    });
  });

  describe('only accepted prices are charged', () => {
    it('refuses a price raised after the line was added, every time, until the customer accepts it', async () => {
      const { productId, variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
      await setPrice(productId, variantId, 3000);
      // The cart has taken the new price (catalog's ProductUpdated): the price the customer
      // accepted is still 2500. Checkout must not charge 3000, however the events are timed.
      await shop.eventually(async () => {
        const cart = await shop.request('GET', `/carts/${cartId}`, customer.auth);
        return cart.body.items?.[0]?.priceChanged === true && cart.body.items[0].unitPrice.amount === 3000;
      }, 'the cart shows the new price');

      for (let attempt = 0; attempt < 3; attempt++) {
        const refused = await shop.placeOrder(customer.auth, cartId);
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({
          type: expect.stringContaining('price-changed'),
          lines: [{ variantId, acceptedPrice: eur(2500), currentPrice: eur(3000) }],
        });
      }
      expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);

      const accepted = await shop.request('POST', `/carts/${cartId}/accept-prices`, customer.auth);
      expect(accepted.status).toBe(200);
      expect(accepted.body.items[0]).toMatchObject({ unitPrice: eur(3000), priceChanged: false });
      expect(accepted.body.items[0].previousUnitPrice).toBeUndefined();
      expect(accepted.body.totals.subtotal).toEqual(eur(6000));

      const placed = await shop.placeOrder(customer.auth, cartId);
      expect(placed.status).toBe(202);
      const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
      expect(order).toMatchObject({ status: 'confirmed', totals: { total: eur(6000) } });
      await captured(customer.auth, order.id);
      expect((await payments(customer.auth, order.id))[0].capturedAmount).toEqual(eur(6000));
    });

    it('refuses a lowered price too, and lets only the owner accept prices', async () => {
      const { productId, variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const stranger = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      await setPrice(productId, variantId, 1999);
      const refused = await shop.placeOrder(customer.auth, cartId);
      expect(refused).toMatchObject({ status: 409, body: { lines: [{ acceptedPrice: eur(2500) }] } });
      expect((await shop.request('POST', `/carts/${cartId}/accept-prices`, stranger.auth)).status).toBe(404);
      expect((await shop.request('POST', `/carts/${cartId}/accept-prices`, customer.auth, { price: 1 })).status).toBe(
        400,
      );
      expect((await shop.request('POST', `/carts/${cartId}/accept-prices`, customer.auth)).status).toBe(200);
      const placed = await shop.placeOrder(customer.auth, cartId);
      const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
      expect(order).toMatchObject({ status: 'confirmed', totals: { total: eur(1999) } });
    });
  });

  it('carries 3,000,000,000 minor units through authorize, capture and a partial refund, onto the timeline', async () => {
    const { variantId } = await shop.createProduct(5, 1_000_000_000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]);
    const placed = await shop.placeOrder(customer.auth, cartId, 'tok_visa_de');
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'confirmed', totals: { total: eur(3_000_000_000) } });
    await captured(customer.auth, order.id);
    const [payment] = await payments(customer.auth, order.id);
    expect(payment).toMatchObject({ amount: eur(3_000_000_000), capturedAmount: eur(3_000_000_000) });

    const refund = await shop.request('POST', `/payments/${payment.id}/refund`, admin, {
      amount: eur(2_500_000_000),
      reason: 'goodwill',
    });
    expect(refund).toMatchObject({ status: 201, body: { amount: eur(2_500_000_000), status: 'succeeded' } });
    expect((await payments(customer.auth, order.id))[0]).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: eur(2_500_000_000),
    });
    await timelineHas(customer.auth, order.id, 'payment_refunded');
    expect((await timeline(customer.auth, order.id)).find((e) => e.status === 'payment_refunded')).toMatchObject({
      reason: 'goodwill',
      amount: eur(2_500_000_000),
    });
  });

  it('refuses a provider that is not configured with 400 at POST /orders, placing nothing', async () => {
    const { variantId } = await shop.createProduct(5, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const stripe = await shop.request(
      'POST',
      '/orders',
      { ...customer.auth, 'idempotency-key': randomUUID() },
      {
        cartId,
        shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
        payment: { provider: 'stripe', token: 'tok_visa' },
      },
    );
    expect(stripe.status).toBe(400);
    expect(stripe.headers['content-type']).toContain('application/problem+json');
    expect(stripe.body).toMatchObject({ type: expect.stringContaining('payment-provider-unavailable') });
    expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
  });

  describe('the timeline tells what happened to the money and the stock', () => {
    it('shows a refund with its amount and the restock when a customer cancels a captured order, and no failed void', async () => {
      const { productId, variantId } = await shop.createProduct(4, 2500);
      const customer = await shop.signUp();
      const placed = await shop.placeOrder(
        customer.auth,
        await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]),
      );
      await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
      await timelineHas(customer.auth, placed.body.id, 'payment_captured');
      await timelineHas(customer.auth, placed.body.id, 'stock_committed');

      const cancel = await shop.request('POST', `/orders/${placed.body.id}/cancel`, customer.auth);
      expect(cancel.status).toBe(202);
      await timelineHas(customer.auth, placed.body.id, 'payment_refunded');
      await timelineHas(customer.auth, placed.body.id, 'stock_restocked');
      await shop.eventually(async () => (await shop.available(productId)) === 4, 'restocked');
      const entries = await timeline(customer.auth, placed.body.id);
      expect(entries.find((e) => e.status === 'payment_refunded')).toMatchObject({
        reason: 'cancelled_by_customer',
        amount: eur(5000),
      });
      expect(entries.find((e) => e.status === 'stock_restocked')).toMatchObject({ reason: 'cancelled_by_customer' });
      expect(entries.map((e) => e.status)).not.toContain('payment_void_failed');
      expect((await payments(customer.auth, placed.body.id))[0].status).toBe('refunded');
    });

    it("shows an admin's partial refund, and released stock of a declined order", async () => {
      const { variantId } = await shop.createProduct(4, 2500);
      const customer = await shop.signUp();
      const confirmed = await shop.placeOrder(
        customer.auth,
        await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]),
      );
      await shop.orderUntil(customer.auth, confirmed.body.id, ['confirmed']);
      await captured(customer.auth, confirmed.body.id);
      const [payment] = await payments(customer.auth, confirmed.body.id);
      const refund = await shop.request('POST', `/payments/${payment.id}/refund`, admin, { amount: eur(500) });
      expect(refund.status).toBe(201);
      await timelineHas(customer.auth, confirmed.body.id, 'payment_refunded');
      expect(
        (await timeline(customer.auth, confirmed.body.id)).find((e) => e.status === 'payment_refunded'),
      ).toMatchObject({ reason: 'requested_by_admin', amount: eur(500) });

      const other = await shop.signUp();
      const declined = await shop.placeOrder(
        other.auth,
        await shop.cartWith(other.auth, [{ variantId, quantity: 1 }]),
        'tok_chargeDeclined',
      );
      await shop.orderUntil(other.auth, declined.body.id, ['cancelled']);
      await timelineHas(other.auth, declined.body.id, 'stock_released');
      expect((await timeline(other.auth, declined.body.id)).find((e) => e.status === 'stock_released')).toMatchObject({
        reason: 'payment_declined',
      });
    });

    it('shows a refund made at the provider (its signed webhook) on the order', async () => {
      const { variantId } = await shop.createProduct(4, 2500);
      const customer = await shop.signUp();
      const placed = await shop.placeOrder(
        customer.auth,
        await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]),
      );
      await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
      await captured(customer.auth, placed.body.id);
      const [payment] = await payments(customer.auth, placed.body.id);
      const [{ provider_ref }] = await t.app
        .get(ModuleDataSources)
        .get('payments')!
        .query(`SELECT provider_ref FROM payments WHERE id = $1`, [payment.id]);
      const { payload, headers } = t.app.get(SandboxWebhooks).signedDelivery({
        id: `evt_test_${uuidv7()}`,
        type: 'charge.refunded',
        created: Math.floor(Date.now() / 1000),
        data: {
          charge: provider_ref,
          paymentId: payment.id,
          amount: 2500,
          capturedAmount: 2500,
          amountRefunded: 2500,
          last4: '4242',
          reason: null,
        },
      });
      const delivered = await t.app.inject({ method: 'POST', url: '/payments/webhooks/sandbox', payload, headers });
      expect(delivered.json()).toMatchObject({ outcome: 'applied' });
      await timelineHas(customer.auth, placed.body.id, 'payment_refunded');
      expect(
        (await timeline(customer.auth, placed.body.id)).find((e) => e.status === 'payment_refunded'),
      ).toMatchObject({ reason: 'provider', amount: eur(2500) });
    });
  });

  describe('Idempotency-Key on cancellation', () => {
    it('answers a retry with the first answer, another order under the same key with 422, concurrent retries once', async () => {
      const { variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const order = async () => {
        const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
        const placed = await shop.placeOrder(customer.auth, cartId);
        await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
        // The customer's next cart is a new one only once this one is retired (ClearCart).
        await shop.eventually(
          async () => (await shop.request('GET', `/carts/${cartId}`, customer.auth)).status === 404,
          'cart retired',
        );
        return placed.body.id as string;
      };
      const first = await order();
      const key = { ...customer.auth, 'idempotency-key': randomUUID() };
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => shop.request('POST', `/orders/${first}/cancel`, key)),
      );
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
      expect(answers.map((a) => a.body.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
      const requested = (await timeline(customer.auth, first)).filter((e) => e.status === 'cancellation_requested');
      expect(requested).toHaveLength(1);

      const second = await order();
      const reused = await shop.request('POST', `/orders/${second}/cancel`, key);
      expect(reused.status).toBe(422);
      expect(reused.body.type).toContain('idempotency-key-reused');
      expect((await shop.request('GET', `/orders/${second}`, customer.auth)).body.status).toBe('confirmed');
      // Without a key, a second cancellation is refused as before.
      expect((await shop.request('POST', `/orders/${first}/cancel`, customer.auth)).status).toBe(409);
    });
  });
});
