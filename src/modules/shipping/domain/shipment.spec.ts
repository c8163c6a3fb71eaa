import { ShippingDomainError } from './shipping-domain-error';
import { Shipment, ShipmentChange, ShipmentStatus, changeShipment, mayMove, shipmentForOrder } from './shipment';

const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const order = {
  orderId: 'o1',
  lines: [
    { lineNo: 1, variantId: 'v1', quantity: 2 },
    { lineNo: 2, variantId: 'v2', quantity: 1 },
  ],
  address,
  method: { id: 'm1', name: 'Standard' },
};
const t = (minute: number) => new Date(Date.UTC(2026, 10, 30, 12, minute));
const dispatch: ShipmentChange = { type: 'dispatch', carrier: 'sandbox', trackingNumber: 'SBX123' };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShippingDomainError) return error.code;
    throw error;
  }
  return 'none';
}

const walk = (...changes: ShipmentChange[]): Shipment =>
  changes.reduce((s, change, i) => changeShipment(s, change, t(i + 1)), shipmentForOrder('s1', order));

describe('shipmentForOrder', () => {
  it('makes one pending shipment of all the order’s lines', () => {
    expect(shipmentForOrder('s1', order)).toEqual({
      id: 's1',
      orderId: 'o1',
      status: 'pending',
      lines: order.lines,
      address,
      method: { id: 'm1', name: 'Standard' },
      carrier: null,
      trackingNumber: null,
      exceptionReason: null,
      lastTracking: null,
      packedAt: null,
      dispatchedAt: null,
      deliveredAt: null,
      cancelledAt: null,
    });
  });

  it('refuses no lines, repeated line numbers, and quantities that are not positive integers', () => {
    expect(codeOf(() => shipmentForOrder('s1', { ...order, lines: [] }))).toBe('invalid-shipment-change');
    try {
      shipmentForOrder('s1', {
        ...order,
        lines: [
          { lineNo: 1, variantId: 'v1', quantity: 0 },
          { lineNo: 1, variantId: '', quantity: 1.5 },
        ],
      });
    } catch (error) {
      expect((error as ShippingDomainError).details.errors).toEqual([
        { field: 'lines[0].quantity', message: 'must be a positive integer' },
        { field: 'lines[1].lineNo', message: 'line numbers are distinct positive integers' },
        { field: 'lines[1].variantId', message: 'a line names its variant' },
        { field: 'lines[1].quantity', message: 'must be a positive integer' },
      ]);
    }
    expect.assertions(2);
  });
});

describe('changeShipment', () => {
  it('walks pending → packed → dispatched → in_transit → delivered, recording when', () => {
    const delivered = walk({ type: 'pack' }, dispatch, { type: 'mark_in_transit' }, { type: 'deliver' });
    expect(delivered).toMatchObject({
      status: 'delivered',
      carrier: 'sandbox',
      trackingNumber: 'SBX123',
      packedAt: t(1),
      dispatchedAt: t(2),
      deliveredAt: t(4),
    });
  });

  it('lets an admin record delivery straight after dispatch, and an exception recover', () => {
    expect(walk({ type: 'pack' }, dispatch, { type: 'deliver' }).status).toBe('delivered');
    const held = walk({ type: 'pack' }, dispatch, { type: 'report_exception', reason: ' customs hold ' });
    expect(held).toMatchObject({ status: 'exception', exceptionReason: 'customs hold' });
    expect(changeShipment(held, { type: 'mark_in_transit' }, t(9))).toMatchObject({
      status: 'in_transit',
      exceptionReason: null,
    });
  });

  it('cancels only before dispatch', () => {
    expect(walk({ type: 'cancel' })).toMatchObject({ status: 'cancelled', cancelledAt: t(1) });
    expect(walk({ type: 'pack' }, { type: 'cancel' }).status).toBe('cancelled');
    expect(codeOf(() => walk({ type: 'pack' }, dispatch, { type: 'cancel' }))).toBe('illegal-shipment-transition');
  });

  it('refuses illegal moves with the statuses in the error, and changes nothing', () => {
    const pending = shipmentForOrder('s1', order);
    try {
      changeShipment(pending, dispatch, t(1));
    } catch (error) {
      expect(error).toBeInstanceOf(ShippingDomainError);
      expect((error as ShippingDomainError).details).toEqual({ shipmentId: 's1', from: 'pending', to: 'dispatched' });
    }
    expect(pending.status).toBe('pending');
    expect(codeOf(() => walk({ type: 'pack' }, { type: 'pack' }))).toBe('illegal-shipment-transition');
    expect(codeOf(() => walk({ type: 'pack' }, dispatch, { type: 'deliver' }, { type: 'mark_in_transit' }))).toBe(
      'illegal-shipment-transition',
    );
    expect(codeOf(() => walk({ type: 'cancel' }, { type: 'pack' }))).toBe('illegal-shipment-transition');
  });

  it('refuses a dispatch without carrier or tracking number, and an exception without a reason', () => {
    const packed = walk({ type: 'pack' });
    expect(codeOf(() => changeShipment(packed, { ...dispatch, carrier: ' ' }, t(2)))).toBe('invalid-shipment-change');
    expect(codeOf(() => changeShipment(packed, { ...dispatch, trackingNumber: 'x'.repeat(201) }, t(2)))).toBe(
      'invalid-shipment-change',
    );
    const out = walk({ type: 'pack' }, dispatch);
    expect(codeOf(() => changeShipment(out, { type: 'report_exception', reason: '' }, t(3)))).toBe(
      'invalid-shipment-change',
    );
  });
});

describe('mayMove', () => {
  const statuses: ShipmentStatus[] = [
    'pending',
    'packed',
    'dispatched',
    'in_transit',
    'exception',
    'delivered',
    'cancelled',
  ];

  it('allows exactly the documented lifecycle', () => {
    const allowed = statuses.flatMap((from) => statuses.filter((to) => mayMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'pending→packed',
      'pending→cancelled',
      'packed→dispatched',
      'packed→cancelled',
      'dispatched→in_transit',
      'dispatched→exception',
      'dispatched→delivered',
      'in_transit→exception',
      'in_transit→delivered',
      'exception→in_transit',
      'exception→delivered',
    ]);
  });
});
