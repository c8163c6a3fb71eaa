import { fulfilmentRank, orderFulfilment } from './fulfilment-status';
import { Shipment, ShipmentChange, changeShipment, shipmentForOrder } from './shipment';
import { splitShipment } from './shipment-split';

const ordered = [
  { lineNo: 1, variantId: 'v1', quantity: 2 },
  { lineNo: 2, variantId: 'v2', quantity: 1 },
];
const whole = shipmentForOrder('s1', {
  orderId: 'o1',
  lines: ordered,
  address: { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  method: { id: 'm1', name: 'Standard' },
});
// Two parcels: s1 with one v1, s2 with one v1 and the v2.
const { remaining: first, created: second } = splitShipment(
  whole,
  [
    { lineNo: 1, quantity: 1 },
    { lineNo: 2, quantity: 1 },
  ],
  's2',
);

const at = new Date('2026-11-30T12:00:00Z');
const move = (shipment: Shipment, ...types: ShipmentChange['type'][]): Shipment =>
  types.reduce(
    (s, type) =>
      changeShipment(
        s,
        type === 'dispatch'
          ? { type, carrier: 'sandbox', trackingNumber: `T-${s.id}` }
          : type === 'report_exception'
            ? { type, reason: 'damaged' }
            : { type },
        at,
      ),
    shipment,
  );
const out = (s: Shipment) => move(s, 'pack', 'dispatch');

describe('orderFulfilment', () => {
  it('is null (the order keeps its status) while nothing has left the warehouse', () => {
    expect(orderFulfilment(ordered, [first, second])).toBeNull();
    expect(orderFulfilment(ordered, [move(first, 'pack'), second])).toBeNull();
  });

  it('is partially_shipped when some units are out and some are not', () => {
    expect(orderFulfilment(ordered, [out(first), second])).toBe('partially_shipped');
  });

  it('is shipped when every unit is out, whatever has been delivered', () => {
    expect(orderFulfilment(ordered, [out(first), out(second)])).toBe('shipped');
    expect(orderFulfilment(ordered, [move(first, 'pack', 'dispatch', 'deliver'), out(second)])).toBe('shipped');
  });

  it('is delivered only when every unit is delivered', () => {
    const delivered = (s: Shipment) => move(s, 'pack', 'dispatch', 'mark_in_transit', 'deliver');
    expect(orderFulfilment(ordered, [delivered(first), delivered(second)])).toBe('delivered');
    expect(orderFulfilment(ordered, [delivered(whole)])).toBe('delivered');
  });

  it('keeps "some delivered, some still in the warehouse" at partially_shipped', () => {
    expect(orderFulfilment(ordered, [move(first, 'pack', 'dispatch', 'deliver'), move(second, 'pack')])).toBe(
      'partially_shipped',
    );
  });

  it('counts a shipment in exception as out, never as delivered', () => {
    const held = move(second, 'pack', 'dispatch', 'report_exception');
    expect(orderFulfilment(ordered, [first, held])).toBe('partially_shipped');
    expect(orderFulfilment(ordered, [move(first, 'pack', 'dispatch', 'deliver'), held])).toBe('shipped');
  });

  it('counts units per line, not shipments: the same number of units of another line is not enough', () => {
    const lines = [
      { lineNo: 1, quantity: 1 },
      { lineNo: 2, quantity: 1 },
    ];
    const overLine1 = { ...out(whole), lines: [{ lineNo: 1, variantId: 'v1', quantity: 2 }] };
    expect(orderFulfilment(lines, [overLine1])).toBe('partially_shipped');
  });

  it('ignores cancelled shipments', () => {
    expect(orderFulfilment(ordered, [move(first, 'cancel'), move(second, 'cancel')])).toBeNull();
  });
});

describe('fulfilmentRank', () => {
  it('orders null < partially_shipped < shipped < delivered', () => {
    expect([null, 'partially_shipped', 'shipped', 'delivered'].map((f) => fulfilmentRank(f as never))).toEqual([
      0, 1, 2, 3,
    ]);
  });
});
