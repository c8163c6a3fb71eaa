import fc from 'fast-check';
import { Shipment, changeShipment, mayMove, shipmentForOrder } from './shipment';
import { CARRIER_STATUSES, TrackingEvent, applyTrackingEvent } from './tracking-events';

/** Seeded runs (deterministic in CI); a failure prints the counterexample and its seed. */
const RUNS = { seed: 20261130, numRuns: 300 };

const T0 = Date.UTC(2026, 10, 30, 12);

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

/**
 * A carrier's story of one parcel: events on a few distinct instants (so same-millisecond ties
 * happen), each with a sequence and a status; the description is a function of the event (a carrier
 * re-sends an event unchanged). Listed in the carrier's order.
 */
const storyArb = fc
  .uniqueArray(
    fc.record({
      minute: fc.nat({ max: 6 }),
      sequence: fc.nat({ max: 3 }),
      status: fc.constantFrom(...CARRIER_STATUSES),
    }),
    { selector: (e) => `${e.minute}/${e.sequence}/${e.status}`, minLength: 1, maxLength: 12 },
  )
  .map((raw) =>
    raw
      .map(({ minute, sequence, status }): TrackingEvent => ({
        trackingNumber: 'SBX1',
        status,
        occurredAt: T0 + minute * 60_000,
        sequence,
        description: `${status} at ${minute}/${sequence}`,
      }))
      .sort(
        (a, b) =>
          a.occurredAt - b.occurredAt ||
          a.sequence - b.sequence ||
          CARRIER_STATUSES.indexOf(a.status) - CARRIER_STATUSES.indexOf(b.status),
      ),
  );

/** The story as a webhook endpoint may receive it: every event at least once, some again, in any order. */
const deliveredAsArb = storyArb.chain((story) =>
  fc
    .array(fc.nat({ max: story.length - 1 }), { maxLength: story.length * 2 })
    .chain((again) =>
      fc
        .shuffledSubarray([...story, ...again.map((i) => story[i])], { minLength: story.length + again.length })
        .map((received) => ({ story, received })),
    ),
);

function replay(events: readonly TrackingEvent[]) {
  let shipment = dispatched();
  const changes: string[] = [];
  for (const event of events) {
    const before = shipment;
    const result = applyTrackingEvent(shipment, event);
    shipment = result.shipment;
    if (result.changedFrom !== null) {
      expect(result.changedFrom).toBe(before.status);
      expect(mayMove(before.status, shipment.status)).toBe(true);
      changes.push(shipment.status);
    } else {
      expect(shipment.status).toBe(before.status);
    }
    if (before.status === 'delivered') expect(shipment.status).toBe('delivered');
  }
  return { shipment, changes };
}

describe('carrier tracking events (property)', () => {
  it('end in the same shipment whether received in order or duplicated and shuffled', () => {
    fc.assert(
      fc.property(deliveredAsArb, ({ story, received }) => {
        expect(replay(received).shipment).toEqual(replay(story).shipment);
      }),
      RUNS,
    );
  });

  it('deliver exactly when the story has a delivered event, announcing it exactly once', () => {
    fc.assert(
      fc.property(deliveredAsArb, ({ story, received }) => {
        const { shipment, changes } = replay(received);
        const delivered = story.filter((e) => e.status === 'delivered');
        expect(shipment.status === 'delivered').toBe(delivered.length > 0);
        expect(changes.filter((status) => status === 'delivered')).toHaveLength(delivered.length > 0 ? 1 : 0);
        if (delivered.length > 0) expect(shipment.deliveredAt).toEqual(new Date(delivered[0].occurredAt));
      }),
      RUNS,
    );
  });

  it('otherwise follow the newest event of the story', () => {
    fc.assert(
      fc.property(deliveredAsArb, ({ story, received }) => {
        if (story.some((e) => e.status === 'delivered')) return;
        const newest = story[story.length - 1];
        const { shipment } = replay(received);
        expect(shipment.status).toBe(newest.status);
        expect(shipment.exceptionReason).toBe(newest.status === 'exception' ? newest.description : null);
        expect(shipment.lastTracking?.occurredAt).toBe(newest.occurredAt);
      }),
      RUNS,
    );
  });

  it('change nothing when an event is received again right away', () => {
    fc.assert(
      fc.property(deliveredAsArb, ({ received }) => {
        let shipment = dispatched();
        for (const event of received) {
          shipment = applyTrackingEvent(shipment, event).shipment;
          expect(applyTrackingEvent(shipment, event)).toMatchObject({ shipment, changedFrom: null });
        }
      }),
      RUNS,
    );
  });
});
