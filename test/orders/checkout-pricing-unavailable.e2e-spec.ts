import { bearer } from '../support/auth';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A cart without codes whose pricing is missing (ADR 0118, amendment): when tax (or promotions) cannot
 * be reached, the cart leaves `pricing` out, and checkout answers 503 `pricing-unavailable` instead of
 * charging the order without its tax (or without an automatic promotion). Nothing is placed or held.
 * The unreachable module is simply not hosted: its queries fail at once with `ModuleUnreachableError`.
 */
describe.each([
  ['tax', ['catalog', 'cart', 'orders', 'payments', 'shipping', 'promotions']],
  ['promotions', ['catalog', 'cart', 'orders', 'payments', 'shipping', 'tax']],
])('checkout of a cart without codes while %s is unreachable', (_missing, modules) => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({ modules, env: { TAX_DEFAULT_COUNTRY: 'DE', OUTBOX_POLL_MS: '50' } });
    shop = new Shop(t.app);
  });
  afterAll(() => t?.close());

  it('answers 503 pricing-unavailable, places nothing and holds no stock', async () => {
    const { productId, variantId } = await shop.createProduct(5, 1000);
    const customer = bearer(t.app, ['customer']);
    const cartId = await shop.cartWith(customer, [{ variantId, quantity: 2 }]);

    const refused = await shop.placeOrder(customer, cartId);

    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.type).toMatch(/pricing-unavailable$/);
    expect((await shop.request('GET', '/orders', customer)).body.items).toEqual([]);
    expect(await shop.available(productId)).toBe(5);
  });
});
