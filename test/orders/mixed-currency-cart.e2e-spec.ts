import { Headers } from '../support/shop-steps';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A cart holds one currency, but a line follows its product's price, currency included: when an
 * admin reprices a product in another currency, a cart can end up holding two. Checkout then
 * refuses the new price until the customer accepts it (409 `price-changed`), and then answers 409
 * `currency-mismatch` naming the currencies, never a 500 (it threw "Line … is in EUR, not USD"
 * while totalling the order).
 */
describe('checkout of a cart whose lines ended up in two currencies', () => {
  let t: TestApp;
  let shop: Shop;
  let admin: Headers;
  beforeAll(async () => {
    t = await createTestApp({
      env: { OUTBOX_POLL_MS: '50', PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' },
    });
    shop = new Shop(t.app);
    admin = shop.admin();
  });
  afterAll(() => t.close());

  it('is a 409 currency-mismatch once the customer accepted the current prices', async () => {
    const repriced = await shop.createProduct(10, 1000);
    const other = await shop.createProduct(10, 500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [
      { variantId: repriced.variantId, quantity: 1 },
      { variantId: other.variantId, quantity: 1 },
    ]);
    const edit = await shop.request('PATCH', `/catalog/products/${repriced.productId}`, admin, {
      variants: [{ id: repriced.variantId, price: { amount: 1000, currency: 'USD' } }],
    });
    expect(edit.status).toBe(200);
    await shop.eventually(async () => {
      const cart = await shop.request('GET', `/carts/${cartId}`, customer.auth);
      return cart.body.items.some((i: { unitPrice: { currency: string } }) => i.unitPrice.currency === 'USD');
    }, 'the cart line repriced in USD');

    const unaccepted = await shop.placeOrder(customer.auth, cartId);
    expect(unaccepted).toMatchObject({ status: 409, body: { type: expect.stringContaining('price-changed') } });
    const accepted = await shop.request('POST', `/carts/${cartId}/accept-prices`, customer.auth);
    expect(accepted.status).toBe(200);
    const refused = await shop.placeOrder(customer.auth, cartId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: expect.stringContaining('currency-mismatch'),
      currencies: ['EUR', 'USD'],
    });
    expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);

    // Removing the line in the other currency makes the cart orderable again.
    const cart = await shop.request('GET', `/carts/${cartId}`, customer.auth);
    const usdLine = cart.body.items.find((i: { unitPrice: { currency: string } }) => i.unitPrice.currency === 'USD');
    expect((await shop.request('DELETE', `/carts/${cartId}/items/${usdLine.id}`, customer.auth)).status).toBe(200);
    expect((await shop.placeOrder(customer.auth, cartId)).status).toBe(202);
  });
});
