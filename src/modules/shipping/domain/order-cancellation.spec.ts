import { cancelOrderShipments } from './order-cancellation';
import { ShippingDomainError } from './shipping-domain-error';
import { changeShipment, shipmentForOrder } from './shipment';
import { splitShipment } from './shipment-split';

const at = new Date('2026-11-30T12:00:00Z');
const base = shipmentForOrder('s1', {
  orderId: 'o1',
  lines: [{ lineNo: 1, variantId: 'v1', quantity: 3 }],
  address: { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  method: { id: 'm1', name: 'Standard' },
});
const { remaining, created } = splitShipment(base, [{ lineNo: 1, quantity: 1 }], 's2');

describe('cancelOrderShipments', () => {
  it('cancels every pending and packed shipment of the order', () => {
    const packed = changeShipment(created, { type: 'pack' }, at);
    expect(cancelOrderShipments([remaining, packed], at).map((s) => [s.id, s.status, s.cancelledAt])).toEqual([
      ['s1', 'cancelled', at],
      ['s2', 'cancelled', at],
    ]);
  });

  it('changes nothing when repeated', () => {
    const once = cancelOrderShipments([remaining, created], at);
    expect(cancelOrderShipments(once, new Date('2026-12-01T00:00:00Z'))).toEqual(once);
  });

  it('refuses, and cancels nothing, once any shipment has been dispatched', () => {
    const packed = changeShipment(created, { type: 'pack' }, at);
    const out = changeShipment(packed, { type: 'dispatch', carrier: 'sandbox', trackingNumber: 'T1' }, at);
    expect(() => cancelOrderShipments([remaining, out], at)).toThrow(
      expect.objectContaining({ code: 'order-already-dispatched', details: { orderId: 'o1', shipmentIds: ['s2'] } }),
    );
    expect(() => cancelOrderShipments([remaining, out], at)).toThrow(ShippingDomainError);
  });
});
