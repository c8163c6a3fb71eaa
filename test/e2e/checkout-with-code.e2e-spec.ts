import { HttpShop, Headers } from './support/http-shop';
import { ADMIN, SPLIT_WITH_PROMOTIONS, Topology, topologiesToRun, TopologyKind } from './support/topology';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Checkout with a promotion code and tax, spoken only in HTTP to one base URL, against the monolith
 * and against the split topology where promotions and tax run in a process of their own (the cart
 * prices through them over NATS, orders redeems over NATS and hears the outcome from JetStream).
 */
describe.each(topologiesToRun())('checkout with a code and tax against the %s', (kind: TopologyKind) => {
  let topology: Topology;
  let shop: HttpShop;
  let admin: Headers;

  beforeAll(async () => {
    topology = await Topology.start(kind, { processes: SPLIT_WITH_PROMOTIONS, env: { TAX_DEFAULT_COUNTRY: 'DE' } });
    shop = new HttpShop(topology.baseUrl);
    admin = await shop.login(ADMIN.email, ADMIN.password);
    shop.shippingMethodId = await shop.createShippingMethod(admin);
    const rules = await shop.request('POST', '/tax/countries', admin, {
      country: 'DE',
      rates: { standard: 190_000 },
      shippingCategory: 'standard',
    });
    expect(rules.status).toBe(201);
  }, 120_000);
  afterAll(() => topology?.stop(), 60_000);

  it('confirms an order with a code: the breakdown copied, the capture equal to its total, the use counted and given back on cancel', async () => {
    const created = await shop.request('POST', '/promotions', admin, {
      code: 'SPLIT20',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      limits: { totalRedemptions: 10 },
    });
    expect(created.status).toBe(201);
    const { productId, variantId } = await shop.createProduct(admin, 10, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const applied = await shop.request('POST', `/carts/${cartId}/promotions`, customer.auth, { code: 'SPLIT20' });
    expect(applied.status).toBeLessThan(300);
    // 2 × 25.00 − 20 % = 40.00 + 19 % = 7.60; shipping 4.90 + 0.93 → 53.43.
    expect(applied.body.totals).toMatchObject({
      subtotal: eur(5000),
      discountTotal: eur(1000),
      shippingTotal: eur(490),
      taxTotal: eur(853),
      total: eur(5343),
    });

    const placed = await shop.request(
      'POST',
      '/orders',
      { ...customer.auth, 'idempotency-key': `code-${Date.now()}` },
      {
        cartId,
        shippingAddress: { name: 'A', line1: 'B', city: 'Berlin', postalCode: '10115', country: 'DE' },
        payment: { provider: 'sandbox', token: 'tok_visa' },
        expectedTotal: 5343,
      },
    );
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({
      status: 'confirmed',
      promotionCodes: ['SPLIT20'],
      totals: { subtotal: eur(5000), discountTotal: eur(1000), taxTotal: eur(853), total: eur(5343) },
    });
    expect(order.timeline.map((e: { status: string }) => e.status)).toContain('promotion_redeemed');
    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, order.id)).join() === 'captured',
      'payment captured',
    );
    const [payment] = (await shop.request('GET', `/payments?orderId=${order.id}`, customer.auth)).body.items;
    expect(payment.capturedAmount).toEqual(eur(5343));
    expect(await shop.available(productId)).toBe(8);
    const promotion = () => shop.request('GET', `/promotions/${created.body.id}`, admin);
    expect((await promotion()).body.redeemed).toBe(1);

    const cancel = await shop.request('POST', `/orders/${order.id}/cancel`, customer.auth);
    expect(cancel.status).toBe(202);
    await shop.eventually(async () => (await promotion()).body.redeemed === 0, 'the use given back');
  });

  // Only the split topology has a process to stop: promotions and tax in their own.
  (kind === 'split' ? it : it.skip)(
    'answers 503 pricing-unavailable (never a 500, nothing placed) for a cart with a code, and for one without, while promotions and tax are down',
    async () => {
      const created = await shop.request('POST', '/promotions', admin, {
        code: 'DOWNTIME',
        benefit: { type: 'fixed-amount', amounts: { EUR: 100 } },
      });
      expect(created.status).toBe(201);
      const { productId, variantId } = await shop.createProduct(admin, 5, 1000);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      expect(
        (await shop.request('POST', `/carts/${cartId}/promotions`, customer.auth, { code: 'DOWNTIME' })).status,
      ).toBeLessThan(300);
      // Without a code, too: the order would otherwise be charged without its tax (ADR 0118, amendment).
      const plain = await shop.signUp();
      const plainCart = await shop.cartWith(plain.auth, [{ variantId, quantity: 1 }]);
      await topology.kill('promotions', 'SIGKILL');
      try {
        const refused = await shop.placeOrder(customer.auth, cartId);
        expect(refused).toMatchObject({ status: 503, body: { type: expect.stringContaining('pricing-unavailable') } });
        expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
        const untaxed = await shop.placeOrder(plain.auth, plainCart);
        expect(untaxed).toMatchObject({ status: 503, body: { type: expect.stringContaining('pricing-unavailable') } });
        expect((await shop.request('GET', '/orders', plain.auth)).body.items).toEqual([]);
        expect(await shop.available(productId)).toBe(5);
      } finally {
        await topology.startProcess('promotions');
      }
      const placed = await shop.placeOrder(customer.auth, cartId);
      expect(placed.status).toBe(202);
      const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
      expect(order).toMatchObject({
        status: 'confirmed',
        promotionCodes: ['DOWNTIME'],
        totals: { discountTotal: eur(100) },
      });
    },
    120_000,
  );
});
