import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Checkouts racing over a few hot variants through HTTP, with batched handling on (ADR 0123):
 * multi-line orders naming shared variants in different orders, some cancelled by their customer
 * at once. Nothing is oversold or lost, every order ends, and no request is answered with a 5xx.
 */
describe('checkouts racing over hot variants', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        OUTBOX_POLL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '50',
        OUTBOX_RETRY_MAX_MS: '200',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
      },
    });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  it('sells no unit twice and strands none when multi-line orders race and some are cancelled at once', async () => {
    const STOCK = 10;
    const products = await Promise.all([0, 1, 2].map(() => shop.createProduct(STOCK, 1000)));
    const customers = await Promise.all(Array.from({ length: 48 }, () => shop.signUp()));
    // Each order names two or three of the variants, starting at a different one, 1–3 units each.
    const linesOf = (i: number) =>
      Array.from({ length: 2 + (i % 2) }, (_, k) => {
        const p = products[(i + k) % products.length];
        return { productId: p.productId, variantId: p.variantId, quantity: 1 + ((i + k) % 3) };
      });
    const carts = await Promise.all(
      customers.map((c, i) =>
        shop.cartWith(
          c.auth,
          linesOf(i).map(({ variantId, quantity }) => ({ variantId, quantity })),
        ),
      ),
    );

    const placed = await Promise.all(customers.map((c, i) => shop.placeOrder(c.auth, carts[i])));
    expect(placed.map((p) => p.status)).toEqual(placed.map(() => 202));
    const cancels = await Promise.all(
      customers.map((c, i) =>
        i % 3 === 0 ? shop.request('POST', `/orders/${placed[i].body.id}/cancel`, c.auth, {}) : undefined,
      ),
    );
    for (const cancel of cancels) if (cancel) expect(cancel.status).toBeLessThan(500);

    const orders = await Promise.all(
      customers.map((c, i) => shop.orderUntil(c.auth, placed[i].body.id, ['confirmed', 'cancelled'], 90_000)),
    );
    const sold = new Map(products.map((p) => [p.productId, 0]));
    orders.forEach((order, i) => {
      if (order.status !== 'confirmed') return;
      for (const line of linesOf(i)) sold.set(line.productId, sold.get(line.productId)! + line.quantity);
    });
    for (const { productId } of products) expect(sold.get(productId)).toBeLessThanOrEqual(STOCK);
    // Held units of cancelled orders come back (asynchronously); sold ones stay sold.
    await shop.eventually(async () => {
      const available = await Promise.all(products.map((p) => shop.available(p.productId)));
      return available.every((a, k) => a === STOCK - sold.get(products[k].productId)!);
    }, 'available = stock - sold');
  }, 180_000);
});
