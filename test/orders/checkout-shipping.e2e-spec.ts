import { v7 as uuidv7 } from 'uuid';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Checkout with a shipping method (issue 18, stage 2), all modules in one process on real
 * PostgreSQL: the cart keeps the chosen method at its quoted price, checkout re-quotes it before
 * anything is held, the order's total and the captured payment include it.
 */
describe('checkout with a shipping method', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({ env: { OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' } });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  const captured = async (auth: Json, orderId: string): Promise<Json> => {
    let payment: Json = {};
    await shop.eventually(async () => {
      payment = (await shop.request('GET', `/payments?orderId=${orderId}`, auth)).body.items?.[0] ?? {};
      return payment.status === 'captured';
    }, 'payment captured');
    return payment;
  };

  // Runs first: no method exists yet.
  it('sells without shipping while the shop has no shipping method at all', async () => {
    const { variantId } = await shop.createProduct(10, 1500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({
      status: 'confirmed',
      shippingMethod: null,
      totals: { subtotal: eur(1500), shipping: eur(0), total: eur(1500) },
    });
  });

  describe('once shipping is set up', () => {
    let flat: string;
    let freeAbove: string;
    beforeAll(async () => {
      flat = await shop.createShippingMethod([{ kind: 'flat', price: eur(490) }], ['DE', 'AT'], 'Standard');
      freeAbove = await shop.createShippingMethod(
        [{ kind: 'free_above', price: eur(590), threshold: eur(5000) }],
        ['DE'],
        'Free from 50',
      );
    });

    it('confirms an order with the chosen method: its price in the order totals and in the captured amount', async () => {
      const { productId, variantId } = await shop.createProduct(10, 2000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);

      const chosen = await shop.chooseShipping(customer.auth, cartId, flat);
      expect(chosen.status).toBe(200);
      expect(chosen.body.shippingMethod).toMatchObject({
        id: flat,
        name: 'Standard',
        country: 'DE',
        price: eur(490),
        stale: false,
      });
      expect(chosen.body.totals).toEqual({
        taxIncluded: false,
        subtotal: eur(4000),
        discountTotal: eur(0),
        shippingTotal: eur(490),
        taxTotal: eur(0),
        total: eur(4490),
        itemCount: 2,
        // Tax is computed for the method's country; the shop has no tax rules for it: nothing taxed.
        taxCountry: 'DE',
      });
      expect((await shop.request('GET', `/carts/${cartId}`, customer.auth)).body.shippingMethod.id).toBe(flat);

      const placed = await shop.placeOrder(customer.auth, cartId);
      expect(placed.status).toBe(202);
      const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
      expect(order).toMatchObject({
        status: 'confirmed',
        shippingMethod: { id: flat, name: 'Standard' },
        totals: { subtotal: eur(4000), shipping: eur(490), total: eur(4490), itemCount: 2 },
      });
      expect(order.totals.subtotal.amount + order.totals.shipping.amount).toBe(order.totals.total.amount);
      const payment = await captured(customer.auth, order.id);
      expect(payment).toMatchObject({ amount: eur(4490), capturedAmount: eur(4490) });
      expect(await shop.available(productId)).toBe(8);

      // OrderConfirmed carried the method to shipping's queue.
      await shop.eventually(async () => {
        const parcels = await shop.request('GET', `/shipping/orders/${order.id}/shipments`, customer.auth);
        return Array.isArray(parcels.body) && parcels.body[0]?.method?.id === flat;
      }, 'a shipment with the method');
    });

    it('refuses a method repriced or disabled since it was chosen with a 409, holding nothing', async () => {
      const { productId, variantId } = await shop.createProduct(10, 1000);
      const method = await shop.createShippingMethod([{ kind: 'flat', price: eur(300) }], ['DE'], 'Courier');
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]);
      expect((await shop.chooseShipping(customer.auth, cartId, method)).status).toBe(200);

      const repriced = await shop.request('PATCH', `/shipping/methods/${method}`, shop.admin(), {
        priceRules: [{ kind: 'flat', price: eur(350) }],
      });
      expect(repriced.status).toBe(200);
      const refused = await shop.placeOrder(customer.auth, cartId);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        type: expect.stringMatching(/shipping-price-changed$/),
        acceptedPrice: eur(300),
        currentPrice: eur(350),
      });

      // Choosing it again accepts the new price; then the method is disabled.
      expect((await shop.chooseShipping(customer.auth, cartId, method)).body.shippingMethod.price).toEqual(eur(350));
      await shop.request('PATCH', `/shipping/methods/${method}`, shop.admin(), { enabled: false });
      const gone = await shop.placeOrder(customer.auth, cartId);
      expect(gone.status).toBe(409);
      expect(gone.body.type).toMatch(/shipping-method-unavailable$/);

      // Nothing was placed, nothing held.
      expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
      expect(await shop.available(productId)).toBe(10);
    });

    it('refuses a shipping price no order could total (above 1 000 000 000 minor units), so no cart or checkout breaks', async () => {
      // Found by attack18: a flat price of 2^53 − 1 was accepted; choosing it made every read of the
      // cart and the checkout a 500 (its subtotal plus shipping is beyond 2^53 − 1).
      const method = await shop.createShippingMethod([{ kind: 'flat', price: eur(300) }], ['DE'], 'Huge');
      const huge = eur(Number.MAX_SAFE_INTEGER);
      const rules = [
        { kind: 'flat', price: huge },
        { kind: 'free_above', price: eur(1_000_000_001), threshold: eur(Number.MAX_SAFE_INTEGER) },
        { kind: 'weight_bands', bands: [{ upToGrams: null, price: huge }] },
      ];
      const fields = [
        'priceRules[0].price.amount',
        'priceRules[0].price.amount',
        'priceRules[0].bands[0].price.amount',
      ];
      for (const [i, rule] of rules.entries()) {
        const patched = await shop.request('PATCH', `/shipping/methods/${method}`, shop.admin(), {
          priceRules: [rule],
        });
        expect({ status: patched.status, fields: patched.body.errors?.map((e: Json) => e.field) }).toEqual({
          status: 400,
          fields: [fields[i]],
        });
      }
      // The largest price is accepted, and a cart at the catalog's largest prices still totals.
      const largest = await shop.request('PATCH', `/shipping/methods/${method}`, shop.admin(), {
        priceRules: [{ kind: 'flat', price: eur(1_000_000_000) }],
      });
      expect(largest.status).toBe(200);
      const { variantId } = await shop.createProduct(10, 1_000_000_000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
      const chosen = await shop.chooseShipping(customer.auth, cartId, method);
      expect(chosen.status).toBe(200);
      expect(chosen.body.totals.total).toEqual(eur(3_000_000_000));
    });

    it('requires a method for a cart with lines once any method exists', async () => {
      const { productId, variantId } = await shop.createProduct(5, 1000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      const refused = await shop.placeOrder(customer.auth, cartId);
      expect(refused.status).toBe(409);
      expect(refused.body.type).toMatch(/shipping-method-required$/);
      expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
      expect(await shop.available(productId)).toBe(5);
    });

    it('prices free-above at its edge through the cart; a line change flags the price and checkout re-quotes it', async () => {
      const { variantId } = await shop.createProduct(10, 2500);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
      const options = await shop.request('GET', `/shipping/options?cartId=${cartId}&country=DE`, customer.auth);
      expect(options.body.items).toContainEqual(expect.objectContaining({ methodId: freeAbove, price: eur(0) }));

      const exactly = await shop.chooseShipping(customer.auth, cartId, freeAbove); // exactly 50.00: free
      expect(exactly.body.shippingMethod).toMatchObject({ price: eur(0), stale: false });
      expect(exactly.body.totals.total).toEqual(eur(5000));

      const lineId = exactly.body.items[0].id;
      const fewer = await shop.request('PATCH', `/carts/${cartId}/items/${lineId}`, customer.auth, { quantity: 1 });
      expect(fewer.body.shippingMethod).toMatchObject({ id: freeAbove, price: eur(0), stale: true });

      const refused = await shop.placeOrder(customer.auth, cartId);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ acceptedPrice: eur(0), currentPrice: eur(590) });

      const requoted = await shop.chooseShipping(customer.auth, cartId, freeAbove); // 25.00: under the threshold
      expect(requoted.body.shippingMethod).toMatchObject({ price: eur(590), stale: false });
      expect(requoted.body.totals).toMatchObject({ subtotal: eur(2500), shippingTotal: eur(590), total: eur(3090) });
      const placed = await shop.placeOrder(customer.auth, cartId);
      const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
      expect(order).toMatchObject({ status: 'confirmed', totals: { shipping: eur(590), total: eur(3090) } });
      expect(await captured(customer.auth, order.id)).toMatchObject({ capturedAmount: eur(3090) });
    });

    it('refuses to choose a method that does not serve the destination, keeping what the cart had', async () => {
      const { variantId } = await shop.createProduct(5, 1000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      expect((await shop.chooseShipping(customer.auth, cartId, flat, 'AT')).status).toBe(200);
      const refused = await shop.chooseShipping(customer.auth, cartId, freeAbove, 'AT');
      expect(refused.status).toBe(409);
      expect(refused.body.type).toMatch(/shipping-method-not-serving-destination$/);
      expect((await shop.chooseShipping(customer.auth, cartId, uuidv7())).body.type).toMatch(
        /shipping-method-unavailable$/,
      );
      const cart = await shop.request('GET', `/carts/${cartId}`, customer.auth);
      expect(cart.body.shippingMethod).toMatchObject({ id: flat, country: 'AT', price: eur(490) });
      const cleared = await shop.request('DELETE', `/carts/${cartId}/shipping-method`, customer.auth);
      expect(cleared.body.shippingMethod).toBeNull();
      expect(cleared.body.totals.shippingTotal).toEqual(eur(0));
      const empty = (await shop.request('POST', '/carts', {})).body.id;
      expect((await shop.chooseShipping({}, empty, flat)).body.type).toMatch(/cart-empty$/);
    });

    it('quotes a guest cart for whoever holds its id, and a customer’s cart only for that customer', async () => {
      const { variantId } = await shop.createProduct(5, 1000);
      const guest = await shop.cartWith({}, [{ variantId, quantity: 1 }]);
      const quoted = await shop.request('GET', `/shipping/options?cartId=${guest}&country=DE`);
      expect(quoted.status).toBe(200);
      expect(quoted.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ methodId: flat, price: eur(490) }),
          expect.objectContaining({ methodId: freeAbove, price: eur(590) }),
        ]),
      );
      const chosen = await shop.chooseShipping({}, guest, flat);
      expect(chosen.status).toBe(200);
      expect(chosen.body.totals.total).toEqual(eur(1490));

      const owner = await shop.signUp();
      const own = await shop.cartWith(owner.auth, [{ variantId, quantity: 1 }]);
      expect((await shop.request('GET', `/shipping/options?cartId=${own}&country=DE`, owner.auth)).status).toBe(200);
      const stranger = await shop.signUp();
      expect((await shop.request('GET', `/shipping/options?cartId=${own}&country=DE`, stranger.auth)).status).toBe(404);
      expect((await shop.request('GET', `/shipping/options?cartId=${own}&country=DE`)).status).toBe(404);
      expect((await shop.chooseShipping(stranger.auth, own, flat)).status).toBe(404);
    });

    // Runs last: it disables every method.
    it('still requires a method once every method is disabled: disabling shipping never ships for free', async () => {
      const methods = await shop.request('GET', '/shipping/methods?limit=100', shop.admin());
      expect(methods.status).toBe(200);
      for (const m of methods.body.items as { id: string }[]) {
        const off = await shop.request('PATCH', `/shipping/methods/${m.id}`, shop.admin(), { enabled: false });
        expect(off.status).toBe(200);
      }
      const { productId, variantId } = await shop.createProduct(5, 1000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      const refused = await shop.placeOrder(customer.auth, cartId);
      expect(refused.status).toBe(409);
      expect(refused.body.type).toMatch(/shipping-method-required$/);
      expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
      expect(await shop.available(productId)).toBe(5);
    });
  });
});
