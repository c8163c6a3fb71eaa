import { v7 as uuidv7 } from 'uuid';
import {
  CancelOrderShipments,
  ShipmentCancelled,
  ShipmentDelivered,
  ShipmentDispatched,
} from '../../src/modules/shipping';
import { SandboxCarrierProvider } from '../../src/modules/shipping/infrastructure/providers/sandbox-carrier.provider';
import { signWebhook } from '../../src/platform/webhooks';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { deliver, orderCancelled, orderConfirmed, postTracking, trackingEvent } from './shipping-support';

/** Fulfilment from the queue: OrderConfirmed → shipment, the warehouse's moves, carrier webhooks, cancellation. */
describe('shipping: fulfilment', () => {
  let s: Scenario;
  let admin: { authorization: string };

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['shipping'] });
    admin = bearer(s.app, ['admin']);
  });
  afterAll(() => s.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, headers = admin) =>
    s.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const shipmentsOf = async (orderId: string) =>
    (await call('GET', `/shipping/shipments?orderId=${orderId}&limit=100`)).json().items as {
      id: string;
      status: string;
      lines: { lineNo: number; quantity: number }[];
      trackingNumber: string | null;
    }[];

  it('creates one pending shipment of all lines, however often OrderConfirmed arrives', async () => {
    const event = orderConfirmed([{ quantity: 2 }, { quantity: 1 }]);
    await deliver(s, event);
    await deliver(s, event);
    // The same order confirmed again in another event (a republished fact) ships nothing more.
    const again = orderConfirmed([{ quantity: 2 }, { quantity: 1 }], event.payload.orderId, event.payload.customerId);
    await deliver(s, again);
    const shipments = await shipmentsOf(event.payload.orderId);
    expect(shipments).toHaveLength(1);
    expect(shipments[0]).toMatchObject({
      status: 'pending',
      lines: [
        { lineNo: 1, variantId: event.payload.lines[0].variantId, quantity: 2 },
        { lineNo: 2, variantId: event.payload.lines[1].variantId, quantity: 1 },
      ],
      address: null,
      method: null,
    });
    const queue = await call('GET', '/shipping/shipments?status=pending&limit=100');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(shipments[0].id);
  });

  it('splits, packs, dispatches and delivers: the order moves partially shipped → shipped → delivered', async () => {
    const event = orderConfirmed([{ quantity: 3 }, { quantity: 1 }]);
    const { orderId } = event.payload;
    await deliver(s, event);
    const [whole] = await shipmentsOf(orderId);
    const split = await call('POST', `/shipping/shipments/${whole.id}/split`, { lines: [{ lineNo: 1, quantity: 2 }] });
    expect(split.statusCode).toBe(200);
    const [rest, part] = split.json();
    expect(rest.lines).toEqual([
      expect.objectContaining({ lineNo: 1, quantity: 1 }),
      expect.objectContaining({ lineNo: 2 }),
    ]);
    expect(part.lines).toEqual([expect.objectContaining({ lineNo: 1, quantity: 2 })]);

    expect((await call('POST', `/shipping/shipments/${part.id}/dispatch`, { carrier: 'sandbox' })).statusCode).toBe(
      409,
    );
    expect((await call('POST', `/shipping/shipments/${part.id}/pack`)).json().status).toBe('packed');
    expect((await call('POST', `/shipping/shipments/${part.id}/pack`)).json().type).toMatch(
      /illegal-shipment-transition/,
    );
    const first = await call('POST', `/shipping/shipments/${part.id}/dispatch`, { carrier: 'sandbox' });
    expect(first.json()).toMatchObject({
      status: 'dispatched',
      carrier: 'sandbox',
      trackingNumber: expect.stringMatching(/^SBX\d{12}$/),
    });
    expect(
      (await call('POST', `/shipping/shipments/${rest.id}/split`, { lines: [{ lineNo: 2, quantity: 1 }] })).statusCode,
    ).toBe(200);
    await s.flush();
    expect(
      s
        .events(ShipmentDispatched)
        .filter((e) => e.payload.orderId === orderId)
        .map((e) => e.payload.orderFulfilment),
    ).toEqual(['partially_shipped']);

    // Everything else leaves with a carrier that has no webhooks: the warehouse types the number.
    for (const shipment of (await shipmentsOf(orderId)).filter((x) => x.status === 'pending')) {
      await call('POST', `/shipping/shipments/${shipment.id}/pack`);
      const manual = await call('POST', `/shipping/shipments/${shipment.id}/dispatch`, {
        carrier: 'Parcelforce',
        trackingNumber: `PF-${shipment.id}`,
      });
      expect(manual.json().status).toBe('dispatched');
    }
    await s.flush();
    const dispatched = s.events(ShipmentDispatched).filter((e) => e.payload.orderId === orderId);
    expect(dispatched.map((e) => e.payload.orderFulfilment)).toEqual([
      'partially_shipped',
      'partially_shipped',
      'shipped',
    ]);

    // The sandbox reports the first parcel delivered, twice (a retried webhook): one ShipmentDelivered.
    const sandbox = s.app.get(SandboxCarrierProvider);
    const scan = await call('POST', `/shipping/sandbox/parcels/${first.json().trackingNumber}/events`, {
      status: 'delivered',
    });
    expect(scan.statusCode).toBe(201);
    const [delivered] = await sandbox.eventsFor(first.json().trackingNumber);
    expect((await postTracking(s, delivered)).json()).toEqual({ received: true, duplicate: false, outcome: 'applied' });
    expect((await postTracking(s, delivered)).json()).toEqual({
      received: true,
      duplicate: true,
      outcome: 'duplicate',
    });
    for (const shipment of (await shipmentsOf(orderId)).filter((x) => x.status === 'dispatched')) {
      expect((await call('POST', `/shipping/shipments/${shipment.id}/deliver`)).json().status).toBe('delivered');
      expect((await call('POST', `/shipping/shipments/${shipment.id}/deliver`)).statusCode).toBe(409);
    }
    await s.flush();
    const deliveries = s.events(ShipmentDelivered).filter((e) => e.payload.orderId === orderId);
    expect(deliveries).toHaveLength(3);
    expect(deliveries.map((e) => e.payload.orderFulfilment)).toEqual(['shipped', 'shipped', 'delivered']);
  });

  it('merges carrier events as a set: reordered, repeated and stale events are harmless; forged ones change nothing', async () => {
    const event = orderConfirmed([{ quantity: 1 }]);
    await deliver(s, event);
    const [shipment] = await shipmentsOf(event.payload.orderId);
    await call('POST', `/shipping/shipments/${shipment.id}/pack`);
    const { trackingNumber } = (
      await call('POST', `/shipping/shipments/${shipment.id}/dispatch`, { carrier: 'sandbox' })
    ).json();
    const t0 = Date.parse('2026-11-01T10:00:00Z');
    const inTransit = trackingEvent(trackingNumber, 'in_transit', t0, 1);
    const exception = {
      ...trackingEvent(trackingNumber, 'exception', t0 + 60_000, 2),
      description: 'Address not found',
    };
    const deliveredEvent = trackingEvent(trackingNumber, 'delivered', t0 + 120_000, 3);

    // Forged: another secret, an altered body, a stale timestamp, no signature at all.
    const payload = JSON.stringify(deliveredEvent);
    const now = Math.floor(Date.now() / 1000);
    const forged = [
      { 'sandbox-signature': signWebhook(payload, 'not-the-sandbox-secret-0123456789abcdef', now) },
      { 'sandbox-signature': signWebhook(payload.replace('delivered', 'in_transit'), 'x', now) },
      {},
    ];
    for (const headers of forged) {
      const response = await s.app.inject({
        method: 'POST',
        url: '/shipping/webhooks/sandbox',
        payload,
        headers: { 'content-type': 'application/json', ...headers },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().type).toMatch(/invalid-webhook/);
    }
    expect((await postTracking(s, deliveredEvent, now - 3600)).statusCode).toBe(400);
    expect((await call('GET', `/shipping/shipments/${shipment.id}`)).json().status).toBe('dispatched');

    // Out of order: the exception first, then the older in-transit scan (stale), then the delivery.
    expect((await postTracking(s, exception)).json().outcome).toBe('applied');
    expect((await call('GET', `/shipping/shipments/${shipment.id}`)).json()).toMatchObject({
      status: 'exception',
      exceptionReason: 'Address not found',
    });
    expect((await postTracking(s, inTransit)).json().outcome).toBe('stale');
    expect((await postTracking(s, deliveredEvent)).json().outcome).toBe('applied');
    // A late in-transit scan with a new id cannot undo the delivery.
    expect((await postTracking(s, { ...inTransit, id: `evt_${uuidv7()}` })).json().outcome).toBe('after_delivery');
    const final = (await call('GET', `/shipping/shipments/${shipment.id}`)).json();
    expect(final).toMatchObject({ status: 'delivered', deliveredAt: new Date(t0 + 120_000).toISOString() });
    await s.flush();
    expect(s.events(ShipmentDelivered).filter((e) => e.payload.shipmentId === shipment.id)).toHaveLength(1);

    // An event for a parcel nobody dispatched is acknowledged and changes nothing.
    expect((await postTracking(s, trackingEvent('SBX999999999999', 'delivered', t0, 1))).json().outcome).toBe(
      'unknown_parcel',
    );
    // Well signed but malformed: refused like a forgery.
    const bad = JSON.stringify({ ...deliveredEvent, id: `evt_${uuidv7()}`, sequence: -1 });
    const malformed = await s.app.inject({
      method: 'POST',
      url: '/shipping/webhooks/sandbox',
      payload: bad,
      headers: {
        'content-type': 'application/json',
        'sandbox-signature': signWebhook(bad, 'whsec_arcade_shipping_sandbox_development', now),
      },
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/shipping/webhooks/dhl',
          payload: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('cancels an order’s shipments with it before dispatch, and refuses after', async () => {
    const event = orderConfirmed([{ quantity: 2 }]);
    const { orderId, customerId } = event.payload;
    await deliver(s, event);
    const [shipment] = await shipmentsOf(orderId);
    await call('POST', `/shipping/shipments/${shipment.id}/split`, { lines: [{ lineNo: 1, quantity: 1 }] });
    await deliver(s, orderCancelled(orderId, customerId));
    expect((await shipmentsOf(orderId)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    await s.flush();
    expect(s.events(ShipmentCancelled).filter((e) => e.payload.orderId === orderId)).toHaveLength(2);

    // Cancelled before shipping heard of the confirmation: the late confirmation ships nothing.
    const late = orderConfirmed([{ quantity: 1 }]);
    await deliver(s, orderCancelled(late.payload.orderId, late.payload.customerId));
    await deliver(s, late);
    expect(await shipmentsOf(late.payload.orderId)).toEqual([]);

    // Once a parcel left, the command refuses cleanly and cancels nothing.
    const sent = orderConfirmed([{ quantity: 2 }]);
    await deliver(s, sent);
    const [whole] = await shipmentsOf(sent.payload.orderId);
    const [, part] = (
      await call('POST', `/shipping/shipments/${whole.id}/split`, { lines: [{ lineNo: 1, quantity: 1 }] })
    ).json();
    await call('POST', `/shipping/shipments/${part.id}/pack`);
    await call('POST', `/shipping/shipments/${part.id}/dispatch`, { carrier: 'sandbox' });
    const refused = await s.bus.execute(new CancelOrderShipments(sent.payload.orderId, sent.payload.customerId, 'x'));
    expect(refused).toEqual({ outcome: 'already_dispatched', dispatchedShipmentIds: [part.id] });
    await deliver(s, orderCancelled(sent.payload.orderId, sent.payload.customerId));
    expect((await shipmentsOf(sent.payload.orderId)).map((x) => x.status).sort()).toEqual(['dispatched', 'pending']);
    expect(await s.bus.execute(new CancelOrderShipments(uuidv7(), uuidv7(), 'x'))).toEqual({
      outcome: 'no_shipments',
      dispatchedShipmentIds: [],
    });
  });

  it('shows an order’s parcels to its customer and admins only; the warehouse API to admins only', async () => {
    const event = orderConfirmed([{ quantity: 1 }]);
    await deliver(s, event);
    const owner = bearer(s.app, ['customer'], event.payload.customerId);
    const url = `/shipping/orders/${event.payload.orderId}/shipments`;
    expect((await call('GET', url, undefined, owner)).json()).toHaveLength(1);
    expect((await call('GET', url)).json()).toHaveLength(1);
    expect((await call('GET', url, undefined, bearer(s.app, ['customer']))).statusCode).toBe(404);
    expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const [shipment] = await shipmentsOf(event.payload.orderId);
    for (const path of ['pack', 'deliver']) {
      expect((await call('POST', `/shipping/shipments/${shipment.id}/${path}`, undefined, owner)).statusCode).toBe(403);
    }
    expect((await call('GET', '/shipping/shipments', undefined, owner)).statusCode).toBe(403);
    expect(
      (await call('POST', `/shipping/sandbox/parcels/SBX1/events`, { status: 'delivered' }, owner)).statusCode,
    ).toBe(403);
  });

  it('answers hostile warehouse input with 4xx problems', async () => {
    const event = orderConfirmed([{ quantity: 2 }, { quantity: 1 }]);
    await deliver(s, event);
    const [shipment] = await shipmentsOf(event.payload.orderId);
    const splits: unknown[] = [
      { lines: [] },
      { lines: [{ lineNo: 9, quantity: 1 }] },
      { lines: [{ lineNo: 1, quantity: 3 }] },
      {
        lines: [
          { lineNo: 1, quantity: 2 },
          { lineNo: 2, quantity: 1 },
        ],
      },
      {
        lines: [
          { lineNo: 1, quantity: 1 },
          { lineNo: 1, quantity: 1 },
        ],
      },
      { lines: [{ lineNo: 1.5, quantity: 1 }] },
      { lines: [null] },
      { lines: 'all' },
    ];
    for (const body of splits) {
      const response = await call('POST', `/shipping/shipments/${shipment.id}/split`, body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
    }
    await call('POST', `/shipping/shipments/${shipment.id}/pack`);
    expect(
      (await call('POST', `/shipping/shipments/${shipment.id}/split`, { lines: [{ lineNo: 1, quantity: 1 }] }))
        .statusCode,
    ).toBe(409);
    expect((await call('POST', `/shipping/shipments/${shipment.id}/dispatch`, { carrier: 'DHL' })).statusCode).toBe(
      400,
    );
    expect(
      (await call('POST', `/shipping/shipments/${shipment.id}/dispatch`, { carrier: '  ', trackingNumber: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('POST', `/shipping/shipments/${shipment.id}/dispatch`, { carrier: 'DHL', trackingNumber: 'DUP-1' }))
        .statusCode,
    ).toBe(200);
    const other = orderConfirmed([{ quantity: 1 }]);
    await deliver(s, other);
    const [second] = await shipmentsOf(other.payload.orderId);
    await call('POST', `/shipping/shipments/${second.id}/pack`);
    const taken = await call('POST', `/shipping/shipments/${second.id}/dispatch`, {
      carrier: 'DHL',
      trackingNumber: 'DUP-1',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toMatch(/tracking-number-taken/);
    expect((await call('POST', `/shipping/shipments/${uuidv7()}/pack`)).statusCode).toBe(404);
    expect((await call('GET', '/shipping/shipments?status=lost')).statusCode).toBe(400);
    expect((await call('GET', '/shipping/shipments?cursor=%7B%7D')).statusCode).toBe(400);
  });
});
