import { ADMIN, SPLIT_WITH_CART_AND_SHIPPING, Topology, topologiesToRun, TopologyKind } from './support/topology';
import { Headers, HttpShop } from './support/http-shop';

/**
 * The proof of docs/architecture.md §5: one journey, spoken only in HTTP to one base URL, passes against the
 * monolith and against the split topology (payments, recommendations, and cart with shipping in
 * processes of their own, over a real NATS, behind the gateway). Same tests, same expected results.
 */
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe.each(topologiesToRun())('the shopper journey against the %s', (kind: TopologyKind) => {
  let topology: Topology;
  let shop: HttpShop;
  let admin: Headers;

  beforeAll(async () => {
    topology = await Topology.start(kind, { processes: SPLIT_WITH_CART_AND_SHIPPING });
    shop = new HttpShop(topology.baseUrl);
    admin = await shop.login(ADMIN.email, ADMIN.password);
    // Shipping is set up (a flat EUR 4.90 to DE, AT, FR): every cart below chooses it, as checkout requires.
    shop.shippingMethodId = await shop.createShippingMethod(admin);
  }, 120_000);
  afterAll(() => topology?.stop(), 60_000);

  it('serves every module and the operations endpoints through the one entry point', async () => {
    expect((await shop.request('GET', '/health/ready')).status).toBe(200);
    expect((await shop.request('GET', '/recommendations/popular')).status).toBe(200);
    const customer = await shop.signUp();
    const me = await shop.request('GET', '/accounts/me', customer.auth);
    expect(me).toMatchObject({ status: 200, body: { email: customer.email, roles: ['customer'] } });
    // payments answers from wherever it runs, with its own authorization rules
    expect((await shop.request('GET', '/payments?orderId=not-a-uuid', customer.auth)).status).toBe(400);
    expect((await shop.request('GET', '/admin/messaging', customer.auth)).status).toBe(403);
    const messaging = await shop.request('GET', '/admin/messaging', admin);
    expect(messaging.status).toBe(200);
    // The admin console comes from the entry point too, and calls the API on that same origin.
    const consolePage = await fetch(`${topology.baseUrl}/admin/orders/42`, { headers: { accept: 'text/html' } });
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain('<div id="root">');
  });

  it('takes a customer from sign-up to a shipped order', async () => {
    const { productId, variantId } = await shop.createProduct(admin, 10, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    // The cart (its own process in the split) asked shipping for the method's price.
    const cart = await shop.request('GET', `/carts/${cartId}`, customer.auth);
    expect(cart.body.shippingMethod).toMatchObject({ id: shop.shippingMethodId, price: eur(490), stale: false });
    expect(cart.body.totals).toMatchObject({ subtotal: eur(5000), shippingTotal: eur(490), total: eur(5490) });
    // Priced through promotions and tax (in main's process in the split): complete, no rules, no tax.
    expect(cart.body).toMatchObject({ pricingIncomplete: false, totals: { taxCountry: 'DE', taxTotal: eur(0) } });
    const options = await shop.request('GET', `/shipping/options?cartId=${cartId}&country=DE`, customer.auth);
    expect(options.body.items).toEqual([expect.objectContaining({ methodId: shop.shippingMethodId, price: eur(490) })]);

    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed).toMatchObject({ status: 202, body: { status: 'pending' } });
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order.status).toBe('confirmed');
    expect(order.totals).toMatchObject({ subtotal: eur(5000), shipping: eur(490), total: eur(5490) });
    expect(order.shippingMethod).toMatchObject({ id: shop.shippingMethodId, name: 'Standard' });

    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, order.id)).join() === 'captured',
      'payment captured',
    );
    const [payment] = (await shop.request('GET', `/payments?orderId=${order.id}`, customer.auth)).body.items;
    expect(payment.capturedAmount).toEqual(eur(5490));
    expect(await shop.available(productId)).toBe(8);

    // The warehouse works shipping's queue (in its own process in the split topology): the shipment
    // came from OrderConfirmed, and its dispatch moves the order to shipped.
    let shipment: { id: string; address: unknown } | undefined;
    await shop.eventually(async () => {
      shipment = (await shop.request('GET', `/shipping/shipments?orderId=${order.id}`, admin)).body.items?.[0];
      return shipment !== undefined;
    }, 'the shipment of the confirmed order');
    expect(shipment!.address).toMatchObject({ country: 'DE' });
    expect((await shop.request('POST', `/shipping/shipments/${shipment!.id}/pack`, admin)).status).toBe(200);
    const dispatched = await shop.request('POST', `/shipping/shipments/${shipment!.id}/dispatch`, admin, {
      carrier: 'DHL',
      trackingNumber: `JJD${Date.now()}`,
    });
    expect(dispatched).toMatchObject({ status: 200, body: { status: 'dispatched' } });
    const shipped = await shop.orderUntil(customer.auth, order.id, ['shipped']);
    expect(shipped.shipment).toMatchObject({ carrier: 'DHL', trackingNumber: dispatched.body.trackingNumber });
    expect((await shop.request('POST', `/orders/${order.id}/cancel`, customer.auth)).status).toBe(409);
    await shop.eventually(async () => {
      const mailbox = await shop.request(
        'GET',
        `/notifications/mailbox?to=${encodeURIComponent(customer.email)}`,
        admin,
      );
      const subjects = (mailbox.body.items ?? []).map((m: { subject: string }) => m.subject).join(' | ');
      return /confirm/i.test(subjects) && /on its way/i.test(subjects);
    }, 'confirmation and shipping emails');
  });

  it('cancels an order whose payment is declined, holding no stock and no money', async () => {
    const { productId, variantId } = await shop.createProduct(admin, 5);
    const customer = await shop.signUp();
    const placed = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]),
      'tok_chargeDeclined',
    );
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'payment_declined' });
    await shop.eventually(async () => (await shop.available(productId)) === 5, 'stock released');
    expect(await shop.paymentStatuses(customer.auth, order.id)).toEqual(['declined']);
  });

  it('refunds and restocks a confirmed order the customer cancels', async () => {
    const { productId, variantId } = await shop.createProduct(admin, 4);
    const customer = await shop.signUp();
    const placed = await shop.placeOrder(
      customer.auth,
      await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]),
    );
    await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, placed.body.id)).join() === 'captured',
      'captured',
    );
    const cancel = await shop.request('POST', `/orders/${placed.body.id}/cancel`, customer.auth);
    expect(cancel).toMatchObject({ status: 202, body: { status: 'cancelled', cancelReason: 'cancelled_by_customer' } });
    await shop.eventually(async () => (await shop.available(productId)) === 4, 'restocked');
    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, placed.body.id)).join() === 'refunded',
      'refunded',
    );
    // What payments and catalog did reaches the order's timeline, wherever they run.
    let timeline: { status: string; amount?: unknown }[] = [];
    await shop.eventually(async () => {
      timeline = (await shop.request('GET', `/orders/${placed.body.id}`, customer.auth)).body.timeline ?? [];
      return ['payment_refunded', 'stock_restocked'].every((s) => timeline.some((e) => e.status === s));
    }, 'refund and restock on the timeline');
    // The whole captured amount: the goods and the shipping.
    expect(timeline.find((e) => e.status === 'payment_refunded')?.amount).toEqual(eur(5000 + 490));
    expect(timeline.map((e) => e.status)).not.toContain('payment_void_failed');
  });

  it('gives a cart one order, and refuses a provider that payments does not have, wherever payments runs', async () => {
    const { variantId } = await shop.createProduct(admin, 10);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const order = (provider: string) =>
      shop.request(
        'POST',
        '/orders',
        { ...customer.auth, 'idempotency-key': `k-${provider}-${Date.now()}-${Math.random()}` },
        {
          cartId,
          shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
          payment: { provider, token: 'tok_visa' },
        },
      );
    const stripe = await order('stripe');
    expect(stripe).toMatchObject({
      status: 400,
      body: { type: expect.stringContaining('payment-provider-unavailable') },
    });
    const tabs = await Promise.all([order('sandbox'), order('sandbox')]);
    expect(tabs.map((t) => t.status).sort()).toEqual([202, 409]);
  });

  it('recommends what was bought together once orders are confirmed', async () => {
    const tent = await shop.createProduct(admin, 50, 12_000);
    const pegs = await shop.createProduct(admin, 50, 900);
    const lonely = await shop.createProduct(admin, 50, 100);
    for (let i = 0; i < 2; i++) {
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [
        { variantId: tent.variantId, quantity: 1 },
        { variantId: pegs.variantId, quantity: 1 },
      ]);
      const placed = await shop.placeOrder(customer.auth, cartId);
      expect((await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled'])).status).toBe(
        'confirmed',
      );
    }
    await shop.eventually(async () => {
      const { body } = await shop.request('GET', `/recommendations/products/${tent.productId}`);
      const first = body.items?.[0];
      return first?.productId === pegs.productId && first.reason === 'bought-together';
    }, 'pegs recommended with the tent');
    const popular = await shop.request('GET', '/recommendations/popular');
    expect(popular.status).toBe(200);
    const ranked = popular.body.items.map((item: { productId: string }) => item.productId);
    expect(ranked).toEqual(expect.arrayContaining([tent.productId, pegs.productId]));
    expect(ranked).not.toContain(lonely.productId);
  });

  // Only the split topology has a hop to cut: cart in its own process, asked by orders over NATS.
  (kind === 'split' ? it : it.skip)(
    'asks cart across the hop at checkout, and names cart when its process is down',
    async () => {
      const { variantId } = await shop.createProduct(admin, 10);
      const customer = await shop.signUp();
      const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
      await topology.kill('cart', 'SIGKILL');
      try {
        const refused = await shop.placeOrder(customer.auth, cartId);
        expect(refused).toMatchObject({ status: 503, body: { type: expect.stringContaining('module-unavailable') } });
        expect(refused.body.module).toBe('cart');
        expect((await shop.request('GET', `/carts/${cartId}`, customer.auth)).status).toBe(502);
      } finally {
        await topology.startProcess('cart');
      }
      const placed = await shop.placeOrder(customer.auth, cartId);
      expect(placed).toMatchObject({ status: 202, body: { status: 'pending' } });
      expect((await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled'])).status).toBe(
        'confirmed',
      );
      // ClearCart crossed back to the cart process: the cart is checked out, so no longer found.
      await shop.eventually(
        async () => (await shop.request('GET', `/carts/${cartId}`, customer.auth)).status === 404,
        'cart checked out by its own process',
      );
    },
    120_000,
  );
});
