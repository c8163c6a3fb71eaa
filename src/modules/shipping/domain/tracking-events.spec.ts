import { ShippingDomainError } from './shipping-domain-error';
import { Shipment, changeShipment, shipmentForOrder } from './shipment';
import { TrackingEvent, applyTrackingEvent, parseCarrierStatus } from './tracking-events';

const T0 = Date.UTC(2026, 10, 30, 12);
const minutes = (n: number) => T0 + n * 60_000;

function dispatched(): Shipment {
  const pending = shipmentForOrder('s1', {
    orderId: 'o1',
    lines: [{ lineNo: 1, variantId: 'v1', quantity: 1 }],
    address: { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    method: { id: 'm1', name: 'Standard' },
  });
  const packed = changeShipment(pending, { type: 'pack' }, new Date(T0));
  return changeShipment(packed, { type: 'dispatch', carrier: 'sandbox', trackingNumber: 'SBX1' }, new Date(T0));
}

const event = (status: TrackingEvent['status'], minute: number, sequence = 0, description?: string): TrackingEvent => ({
  trackingNumber: 'SBX1',
  status,
  occurredAt: minutes(minute),
  sequence,
  ...(description ? { description } : {}),
});

describe('applyTrackingEvent', () => {
  it('moves a dispatched shipment along with the carrier’s newest event', () => {
    const moving = applyTrackingEvent(dispatched(), event('in_transit', 1));
    expect(moving).toMatchObject({ outcome: 'applied', changedFrom: 'dispatched', shipment: { status: 'in_transit' } });
    const held = applyTrackingEvent(moving.shipment, event('exception', 2, 0, 'address not found'));
    expect(held).toMatchObject({
      outcome: 'applied',
      changedFrom: 'in_transit',
      shipment: { status: 'exception', exceptionReason: 'address not found' },
    });
    const delivered = applyTrackingEvent(held.shipment, event('delivered', 3));
    expect(delivered).toMatchObject({
      outcome: 'applied',
      changedFrom: 'exception',
      shipment: { status: 'delivered', exceptionReason: null, deliveredAt: new Date(minutes(3)) },
    });
    expect(delivered.shipment.lastTracking).toEqual({ occurredAt: minutes(3), sequence: 0, rank: 2 });
  });

  it('reports a second in_transit scan as applied without a status change', () => {
    const first = applyTrackingEvent(dispatched(), event('in_transit', 1)).shipment;
    expect(applyTrackingEvent(first, event('in_transit', 2))).toMatchObject({ outcome: 'applied', changedFrom: null });
  });

  it('ignores a duplicate and an event older than the newest applied', () => {
    const latest = applyTrackingEvent(dispatched(), event('exception', 5, 0, 'damaged')).shipment;
    expect(applyTrackingEvent(latest, event('exception', 5, 0, 'damaged'))).toEqual({
      shipment: latest,
      outcome: 'duplicate',
      changedFrom: null,
    });
    expect(applyTrackingEvent(latest, event('in_transit', 4))).toEqual({
      shipment: latest,
      outcome: 'stale',
      changedFrom: null,
    });
  });

  it('orders events of the same millisecond by the carrier’s sequence', () => {
    const second = applyTrackingEvent(dispatched(), event('exception', 1, 2, 'held')).shipment;
    expect(applyTrackingEvent(second, event('in_transit', 1, 1)).outcome).toBe('stale');
    expect(applyTrackingEvent(second, event('in_transit', 1, 3)).shipment.status).toBe('in_transit');
  });

  it('never takes a delivered shipment back, even for a newer event', () => {
    const delivered = applyTrackingEvent(dispatched(), event('delivered', 5)).shipment;
    const late = applyTrackingEvent(delivered, event('in_transit', 9));
    expect(late).toMatchObject({ outcome: 'after_delivery', changedFrom: null, shipment: { status: 'delivered' } });
    expect(late.shipment.lastTracking).toEqual({ occurredAt: minutes(9), sequence: 0, rank: 0 });
  });

  it('delivers on a delivered event older than the newest seen (a late-arriving scan)', () => {
    const held = applyTrackingEvent(dispatched(), event('exception', 9, 0, 'damaged')).shipment;
    const result = applyTrackingEvent(held, event('delivered', 5));
    expect(result).toMatchObject({
      outcome: 'applied',
      changedFrom: 'exception',
      shipment: { status: 'delivered', deliveredAt: new Date(minutes(5)), exceptionReason: null },
    });
    expect(result.shipment.lastTracking?.occurredAt).toBe(minutes(9));
  });

  it('keeps the earliest delivery time known, whether an admin or the carrier told it', () => {
    const byAdmin = changeShipment(dispatched(), { type: 'deliver' }, new Date(minutes(30)));
    const scan = applyTrackingEvent(byAdmin, event('delivered', 20));
    expect(scan).toMatchObject({ outcome: 'after_delivery', changedFrom: null });
    expect(scan.shipment.deliveredAt).toEqual(new Date(minutes(20)));
    expect(applyTrackingEvent(scan.shipment, event('delivered', 25)).shipment.deliveredAt).toEqual(
      new Date(minutes(20)),
    );
  });

  it('does nothing to a shipment that has not been dispatched or was cancelled', () => {
    const cancelled = {
      ...changeShipment(dispatched(), { type: 'deliver' }, new Date()),
      status: 'cancelled' as const,
    };
    expect(applyTrackingEvent(cancelled, event('in_transit', 1))).toEqual({
      shipment: cancelled,
      outcome: 'not_dispatched',
      changedFrom: null,
    });
  });

  it('refuses an event for another parcel or with malformed fields', () => {
    const errors = (e: TrackingEvent) => {
      try {
        applyTrackingEvent(dispatched(), e);
      } catch (error) {
        return (error as ShippingDomainError).details.errors;
      }
      return [];
    };
    expect(errors({ ...event('in_transit', 1), trackingNumber: 'OTHER' })).toEqual([
      { field: 'trackingNumber', message: 'the event is for another parcel' },
    ]);
    expect(errors({ ...event('in_transit', 1), status: 'returned' as never, occurredAt: 1.5, sequence: -1 })).toEqual([
      { field: 'status', message: 'status is one of in_transit, exception, delivered' },
      { field: 'occurredAt', message: 'must be a time in epoch milliseconds' },
      { field: 'sequence', message: 'must be a non-negative integer' },
    ]);
  });
});

describe('parseCarrierStatus', () => {
  it('knows in_transit, exception and delivered only', () => {
    expect(['in_transit', 'exception', 'delivered', 'returned', 'IN_TRANSIT'].map(parseCarrierStatus)).toEqual([
      'in_transit',
      'exception',
      'delivered',
      undefined,
      undefined,
    ]);
  });
});
