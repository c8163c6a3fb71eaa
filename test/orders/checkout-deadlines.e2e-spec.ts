import { bearer } from '../support/auth';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

describe('checkout step deadlines', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    // No payments module anywhere: the authorization step can never be answered. Shipping is here
    // (no method set up): POST /orders asks it whether a method is required. Promotions and tax are
    // here: checkout never charges a cart it could not price (ADR 0118).
    t = await createTestApp({
      modules: ['catalog', 'cart', 'orders', 'shipping', 'promotions', 'tax'],
      env: {
        CHECKOUT_STEP_TIMEOUT_SECONDS: '1',
        CHECKOUT_SWEEP_INTERVAL_MS: '100',
        OUTBOX_POLL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '100',
      },
    });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  it('cancels an order whose payment step gets no reply in time, and gives its stock back', async () => {
    const { productId, variantId } = await shop.createProduct(5);
    const customer = bearer(t.app, ['customer']);
    const cartId = await shop.cartWith(customer, [{ variantId, quantity: 2 }]);
    const placed = await shop.placeOrder(customer, cartId);
    expect(placed.status).toBe(202);

    const order = await shop.orderUntil(customer, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'timeout' });
    await shop.eventually(async () => (await shop.available(productId)) === 5, 'reservation released');
    const statuses = async () =>
      ((await shop.request('GET', `/orders/${order.id}`, customer)).body.timeline as { status: string }[]).map(
        (e) => e.status,
      );
    await shop.eventually(async () => (await statuses()).includes('stock_released'), 'the release on the timeline');
    expect(await statuses()).toEqual(['pending', 'stock_reserved', 'cancelled', 'stock_released']);
  });
});
