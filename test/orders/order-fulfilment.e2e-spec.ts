import { randomUUID } from 'node:crypto';
import { OrderConfirmed } from '../../src/modules/orders';
import { ShipmentDelivered, ShipmentDispatched } from '../../src/modules/shipping';
import { IntegrationEvent } from '../../src/platform/messaging';
import { LocalEventDispatcher, OutboxRelays, toEnvelope } from '../../src/platform/messaging/testing';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Orders follows shipping (issue 18, stage 2; ADR 0113): the order's address and line numbers reach
 * the shipment, shipment events move the order confirmed → partially shipped → shipped → delivered
 * (duplicated or reordered events harmless), and a cancellation asks shipping first. All modules in
 * one process, real PostgreSQL, spoken to over HTTP.
 */
describe('orders follow shipping (all modules in one process)', () => {
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
      },
    });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  /** A confirmed order of two lines (3 + 1 units), its customer, and its one pending shipment. */
  async function confirmedOrder() {
    const tent = await shop.createProduct(10, 12_000);
    const pegs = await shop.createProduct(10, 900);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [
      { variantId: tent.variantId, quantity: 3 },
      { variantId: pegs.variantId, quantity: 1 },
    ]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order.status).toBe('confirmed');
    let shipments: Json[] = [];
    await shop.eventually(async () => {
      shipments = await shipmentsOf(order.id);
      return shipments.length === 1;
    }, 'the shipment created from OrderConfirmed');
    return { order, customer, tent, pegs, shipment: shipments[0] };
  }

  const shipmentsOf = async (orderId: string): Promise<Json[]> =>
    (await shop.request('GET', `/shipping/shipments?orderId=${orderId}&limit=100`, shop.admin())).body.items ?? [];
  const warehouse = (shipmentId: string, move: string, body?: unknown) =>
    shop.request('POST', `/shipping/shipments/${shipmentId}/${move}`, shop.admin(), body);
  const statusOf = async (auth: Record<string, string>, orderId: string) =>
    (await shop.request('GET', `/orders/${orderId}`, auth)).body;
  const mails = async (email: string, subject: RegExp) =>
    (
      (await shop.request('GET', `/notifications/mailbox?to=${encodeURIComponent(email)}`, shop.admin())).body.items ??
      []
    ).filter((m: { subject: string }) => subject.test(m.subject)).length;

  it('ships to the order’s address with its line numbers, and follows a split shipment to delivered', async () => {
    const { order, customer, tent, pegs, shipment } = await confirmedOrder();
    // OrderConfirmed carried the address and the line numbers (no line2: none was given).
    expect(shipment).toMatchObject({
      status: 'pending',
      address: { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'Berlin', postalCode: '10115', country: 'DE' },
      lines: [
        { lineNo: 1, variantId: tent.variantId, quantity: 3 },
        { lineNo: 2, variantId: pegs.variantId, quantity: 1 },
      ],
    });

    const split = await warehouse(shipment.id, 'split', { lines: [{ lineNo: 1, quantity: 2 }] });
    expect(split.status).toBe(200);
    const [rest, part] = split.body as unknown as Json[];
    expect((await warehouse(part.id, 'pack')).status).toBe(200);
    const first = await warehouse(part.id, 'dispatch', { carrier: 'sandbox' });
    expect(first.status).toBe(200);
    expect((await shop.orderUntil(customer.auth, order.id, ['partially_shipped'])).shipment).toMatchObject({
      carrier: 'sandbox',
      trackingNumber: first.body.trackingNumber,
    });
    // The customer cannot cancel once a parcel has left.
    const refused = await shop.request('POST', `/orders/${order.id}/cancel`, customer.auth);
    expect(refused).toMatchObject({ status: 409, body: { type: expect.stringContaining('order-not-cancellable') } });

    expect((await warehouse(rest.id, 'pack')).status).toBe(200);
    expect((await warehouse(rest.id, 'dispatch', { carrier: 'DHL', trackingNumber: `JJD${Date.now()}` })).status).toBe(
      200,
    );
    await shop.orderUntil(customer.auth, order.id, ['shipped']);
    expect((await warehouse(part.id, 'deliver')).status).toBe(200);
    // One parcel of two delivered: the order stays shipped.
    await shop.eventually(
      async () =>
        (await statusOf(customer.auth, order.id)).timeline.some((e: Json) => e.status === 'shipment_delivered'),
      'the first delivery on the timeline',
    );
    expect((await statusOf(customer.auth, order.id)).status).toBe('shipped');
    expect((await warehouse(rest.id, 'deliver')).status).toBe(200);
    const delivered = await shop.orderUntil(customer.auth, order.id, ['delivered']);
    const steps = delivered.timeline.map((e: Json) => e.status);
    expect(steps.filter((s: string) => ['partially_shipped', 'shipped', 'delivered'].includes(s))).toEqual([
      'partially_shipped',
      'shipped',
      'delivered',
    ]);
    expect(steps.filter((s: string) => s === 'shipment_dispatched')).toHaveLength(2);
    expect(delivered.shipment).toMatchObject({ carrier: 'sandbox' });
    // Admins filter by the new statuses.
    const page = await shop.request('GET', `/orders?status=delivered&customerId=${customer.id}`, shop.admin());
    expect(page.body.items.map((o: Json) => o.id)).toEqual([order.id]);
    // One "on its way" email per parcel, from ShipmentDispatched; orders publishes no OrderShipped any more.
    await shop.eventually(async () => (await mails(customer.email, /on its way/i)) >= 2, 'two shipping emails');
    await shop.eventually(async () => (await mails(customer.email, /delivered/i)) >= 2, 'two delivery emails');
    expect(await mails(customer.email, /^Order .* is on its way/)).toBe(0);
    expect(await mails(customer.email, /on its way/i)).toBe(2);
  });

  it('ignores shipment events delivered twice or out of order', async () => {
    const { order, customer } = await confirmedOrder();
    const dispatcher = t.app.get(LocalEventDispatcher);
    const base = {
      shipmentId: randomUUID(),
      orderId: order.id,
      customerId: customer.id,
      carrier: 'DHL',
      trackingNumber: `JJD${Date.now()}`,
      lines: [{ lineNo: 1, variantId: randomUUID(), quantity: 3 }],
    };
    const delivered = new ShipmentDelivered({
      ...base,
      orderFulfilment: 'delivered',
      deliveredAt: new Date().toISOString(),
    });
    const shipped = new ShipmentDispatched({
      ...base,
      orderFulfilment: 'shipped',
      dispatchedAt: new Date().toISOString(),
    });
    const partly = new ShipmentDispatched({
      ...base,
      orderFulfilment: 'partially_shipped',
      dispatchedAt: new Date().toISOString(),
    });
    // Newest first, each twice: the order ends delivered and never moves back.
    for (const event of [delivered, delivered, shipped, partly, shipped] as IntegrationEvent<unknown>[]) {
      await dispatcher.dispatch(toEnvelope(event), ['orders']);
    }
    const after = await statusOf(customer.auth, order.id);
    expect(after.status).toBe('delivered');
    const steps = after.timeline.map((e: Json) => e.status);
    expect(steps.filter((s: string) => ['partially_shipped', 'shipped', 'delivered'].includes(s))).toEqual([
      'delivered',
    ]);
    // The inbox took each event once.
    expect(steps.filter((s: string) => s === 'shipment_delivered')).toHaveLength(1);
    expect(steps.filter((s: string) => s === 'shipment_dispatched')).toHaveLength(2);
  });

  it('cancels the order’s shipments when it is cancelled before dispatch', async () => {
    const { order, customer, tent, shipment } = await confirmedOrder();
    const split = await warehouse(shipment.id, 'split', { lines: [{ lineNo: 1, quantity: 1 }] });
    expect(split.status).toBe(200);
    const cancel = await shop.request('POST', `/orders/${order.id}/cancel`, {
      ...customer.auth,
      'idempotency-key': randomUUID(),
    });
    expect(cancel).toMatchObject({ status: 202, body: { status: 'cancelled', cancelReason: 'cancelled_by_customer' } });
    expect((await shipmentsOf(order.id)).map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    await shop.eventually(async () => (await shop.available(tent.productId)) === 10, 'restocked');
    // A confirmation delivered again after the cancellation ships nothing.
    await t.app.get(LocalEventDispatcher).dispatch(
      toEnvelope(
        new OrderConfirmed({
          orderId: order.id,
          customerId: customer.id,
          lines: order.lines.map(({ lineTotal: _, ...line }: Json, i: number) => ({ ...line, lineNo: i + 1 })),
          total: order.totals.total,
          confirmedAt: new Date().toISOString(),
        }),
      ),
      ['shipping'],
    );
    expect((await shipmentsOf(order.id)).map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses to cancel with 409 once a parcel left, even before orders heard of it, and changes nothing', async () => {
    const { order, customer, tent, shipment } = await confirmedOrder();
    await shop.eventually(
      async () => (await shop.paymentStatuses(customer.auth, order.id)).join() === 'captured',
      'captured',
    );
    // Shipping's events wait in its outbox: orders still believes the order is only confirmed.
    const shippingRelay = t.app.get(OutboxRelays).relay('shipping')!;
    await shippingRelay.stop();
    try {
      expect((await warehouse(shipment.id, 'pack')).status).toBe(200);
      expect((await warehouse(shipment.id, 'dispatch', { carrier: 'sandbox' })).status).toBe(200);
      const before = await statusOf(customer.auth, order.id);
      expect(before.status).toBe('confirmed');

      const refused = await shop.request('POST', `/orders/${order.id}/cancel`, customer.auth);
      expect(refused).toMatchObject({
        status: 409,
        body: { type: expect.stringContaining('order-already-dispatched'), dispatchedShipmentIds: [shipment.id] },
      });
      const after = await statusOf(customer.auth, order.id);
      expect(after.status).toBe('confirmed');
      expect(after.timeline.map((e: Json) => e.status).slice(-2)).toEqual([
        'cancellation_requested',
        'cancellation_refused',
      ]);
      expect((await shipmentsOf(order.id)).map((s) => s.status)).toEqual(['dispatched']);
      expect(await shop.paymentStatuses(customer.auth, order.id)).toEqual(['captured']);
      expect(await shop.available(tent.productId)).toBe(7);
    } finally {
      shippingRelay.start();
    }
    await shop.orderUntil(customer.auth, order.id, ['shipped']);
  });

  it('answers 410 on the old POST /orders/:id/ship, pointing at shipping', async () => {
    const { order, customer } = await confirmedOrder();
    const gone = await shop.request('POST', `/orders/${order.id}/ship`, shop.admin(), {
      carrier: 'DHL',
      trackingNumber: 'X1',
    });
    expect(gone).toMatchObject({
      status: 410,
      body: {
        type: expect.stringContaining('order-shipping-moved'),
        shipments: `/shipping/shipments?orderId=${order.id}`,
      },
    });
    expect((await shop.request('POST', `/orders/${order.id}/ship`, customer.auth)).status).toBe(403);
    expect((await statusOf(customer.auth, order.id)).status).toBe('confirmed');
  });
});
