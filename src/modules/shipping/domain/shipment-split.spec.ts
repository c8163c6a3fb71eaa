import { ShippingDomainError } from './shipping-domain-error';
import { changeShipment, shipmentForOrder } from './shipment';
import { allocatedUnits, splitShipment } from './shipment-split';

const source = shipmentForOrder('s1', {
  orderId: 'o1',
  lines: [
    { lineNo: 1, variantId: 'v1', quantity: 3 },
    { lineNo: 2, variantId: 'v2', quantity: 1 },
  ],
  address: { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  method: { id: 'm1', name: 'Standard' },
});

function errorOf(run: () => unknown): ShippingDomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShippingDomainError) return error;
    throw error;
  }
  throw new Error('expected a ShippingDomainError');
}

describe('splitShipment', () => {
  it('moves units into a new pending shipment of the same order, address and method', () => {
    const { remaining, created } = splitShipment(source, [{ lineNo: 1, quantity: 2 }], 's2');
    expect(remaining.lines).toEqual([
      { lineNo: 1, variantId: 'v1', quantity: 1 },
      { lineNo: 2, variantId: 'v2', quantity: 1 },
    ]);
    expect(created).toEqual({ ...source, id: 's2', lines: [{ lineNo: 1, variantId: 'v1', quantity: 2 }] });
  });

  it('drops a line moved whole from the remaining shipment', () => {
    const { remaining, created } = splitShipment(source, [{ lineNo: 2, quantity: 1 }], 's2');
    expect(remaining.lines).toEqual([{ lineNo: 1, variantId: 'v1', quantity: 3 }]);
    expect(created.lines).toEqual([{ lineNo: 2, variantId: 'v2', quantity: 1 }]);
  });

  it('refuses more units than the line holds, unknown or repeated lines, and non-positive quantities', () => {
    const error = errorOf(() =>
      splitShipment(
        source,
        [
          { lineNo: 1, quantity: 4 },
          { lineNo: 9, quantity: 1 },
          { lineNo: 2, quantity: 0 },
          { lineNo: 1, quantity: 1 },
        ],
        's2',
      ),
    );
    expect(error.code).toBe('invalid-shipment-change');
    expect(error.details.errors).toEqual([
      { field: 'lines[0].quantity', message: 'must be an integer from 1 to 3' },
      { field: 'lines[1].lineNo', message: 'line 9 is not (again) in this shipment' },
      { field: 'lines[2].quantity', message: 'must be an integer from 1 to 1' },
      { field: 'lines[3].lineNo', message: 'line 1 is not (again) in this shipment' },
    ]);
  });

  it('refuses a split that takes nothing or everything', () => {
    expect(errorOf(() => splitShipment(source, [], 's2')).details.errors).toEqual([
      { field: 'lines', message: 'name the units to move' },
    ]);
    const all = [
      { lineNo: 2, quantity: 1 },
      { lineNo: 1, quantity: 3 },
    ];
    expect(errorOf(() => splitShipment(source, all, 's2')).details.errors).toEqual([
      { field: 'lines', message: 'a split must leave at least one unit in the shipment' },
    ]);
  });

  it('splits only a pending shipment', () => {
    const packed = changeShipment(source, { type: 'pack' }, new Date());
    expect(errorOf(() => splitShipment(packed, [{ lineNo: 1, quantity: 1 }], 's2'))).toMatchObject({
      code: 'shipment-not-splittable',
      details: { shipmentId: 's1', status: 'packed' },
    });
  });
});

describe('allocatedUnits', () => {
  it('counts units per line over the shipments that are not cancelled', () => {
    const { remaining, created } = splitShipment(source, [{ lineNo: 1, quantity: 2 }], 's2');
    const cancelled = changeShipment(created, { type: 'cancel' }, new Date());
    expect(allocatedUnits([remaining, created])).toEqual(
      new Map([
        [1, 3],
        [2, 1],
      ]),
    );
    expect(allocatedUnits([remaining, cancelled])).toEqual(
      new Map([
        [1, 1],
        [2, 1],
      ]),
    );
  });
});
