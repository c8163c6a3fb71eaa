import fc from 'fast-check';
import { fulfilmentRank, orderFulfilment } from './fulfilment-status';
import { cancelOrderShipments } from './order-cancellation';
import { ShippingDomainError } from './shipping-domain-error';
import { OUT_OF_WAREHOUSE, Shipment, ShipmentChange, changeShipment, mayMove, shipmentForOrder } from './shipment';
import { allocatedUnits, splitShipment } from './shipment-split';

/** Seeded runs (deterministic in CI); a failure prints the counterexample and its seed. */
const RUNS = { seed: 20261130, numRuns: 200 };

const linesArb = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
  .map((quantities) => quantities.map((quantity, i) => ({ lineNo: i + 1, variantId: `v${i + 1}`, quantity })));

/**
 * One step of the warehouse or the carrier, aimed at the shipment `pick` (modulo how many exist); an
 * even `pick` aims at a shipment the step suits when there is one, so walks get far (split parcels
 * delivered), an odd one anywhere, so refusals are tried too.
 */
const stepArb = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constantFrom('split', 'pack', 'dispatch', 'deliver'), weight: 12 },
    { arbitrary: fc.constantFrom('mark_in_transit', 'report_exception'), weight: 3 },
    { arbitrary: fc.constant('cancel_order'), weight: 1 },
  ),
  pick: fc.nat(),
  portions: fc.array(fc.nat({ max: 5 }), { minLength: 5, maxLength: 5 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const at = new Date('2026-11-30T12:00:00Z');
const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ShippingDomainError) return error.code;
    throw error;
  }
}

/** Applies a step the way the warehouse API would: a refused step must throw a typed error and change nothing. */
const TO = {
  split: 'pending',
  pack: 'packed',
  dispatch: 'dispatched',
  mark_in_transit: 'in_transit',
  report_exception: 'exception',
  deliver: 'delivered',
} as const;

function apply(shipments: Shipment[], step: Step, nextId: () => string): Shipment[] {
  const { kind } = step;
  const suited =
    kind === 'cancel_order'
      ? []
      : shipments
          .map((s, i) => [s, i] as const)
          .filter(([s]) => (kind === 'split' ? s.status === 'pending' : mayMove(s.status, TO[kind])));
  const index =
    step.pick % 2 === 0 && suited.length > 0 ? suited[step.pick % suited.length][1] : step.pick % shipments.length;
  const target = shipments[index];
  if (step.kind === 'cancel_order') {
    if (shipments.some((s) => OUT_OF_WAREHOUSE.has(s.status))) {
      expect(codeOf(() => cancelOrderShipments(shipments, at))).toBe('order-already-dispatched');
      return shipments;
    }
    return cancelOrderShipments(shipments, at);
  }
  if (step.kind === 'split') {
    const take = target.lines
      .map((line, i) => ({ lineNo: line.lineNo, quantity: step.portions[i] % (line.quantity + 1) }))
      .filter((line) => line.quantity > 0);
    const takesAll = target.lines.every(
      (line) => take.find((t) => t.lineNo === line.lineNo)?.quantity === line.quantity,
    );
    if (target.status !== 'pending') {
      expect(codeOf(() => splitShipment(target, take, 'x'))).toBe('shipment-not-splittable');
      return shipments;
    }
    if (take.length === 0 || takesAll) {
      expect(codeOf(() => splitShipment(target, take, 'x'))).toBe('invalid-shipment-change');
      return shipments;
    }
    const { remaining, created } = splitShipment(target, take, nextId());
    return [...shipments.slice(0, index), remaining, ...shipments.slice(index + 1), created];
  }
  const change: ShipmentChange =
    step.kind === 'dispatch'
      ? { type: 'dispatch', carrier: 'sandbox', trackingNumber: `T-${target.id}` }
      : step.kind === 'report_exception'
        ? { type: 'report_exception', reason: 'damaged' }
        : { type: step.kind };
  if (!mayMove(target.status, TO[step.kind])) {
    expect(codeOf(() => changeShipment(target, change, at))).toBe('illegal-shipment-transition');
    return shipments;
  }
  return shipments.map((s, i) => (i === index ? changeShipment(s, change, at) : s));
}

describe('an order’s shipments through random warehouse and carrier steps (property)', () => {
  it('hold every ordered unit in exactly one live shipment, never more than ordered', () => {
    fc.assert(
      fc.property(linesArb, fc.array(stepArb, { minLength: 10, maxLength: 40 }), (lines, steps) => {
        let n = 1;
        let shipments = [shipmentForOrder('s0', { orderId: 'o1', lines, address, method: { id: 'm', name: 'M' } })];
        for (const step of steps) {
          shipments = apply(shipments, step, () => `s${n++}`);
          const live = shipments.filter((s) => s.status !== 'cancelled');
          if (live.length === 0) continue; // the order was cancelled: every shipment with it
          expect(live).toHaveLength(shipments.length);
          const units = allocatedUnits(shipments);
          expect(lines.map((l) => units.get(l.lineNo) ?? 0)).toEqual(lines.map((l) => l.quantity));
          for (const shipment of shipments) {
            expect(shipment.lines.length).toBeGreaterThan(0);
            for (const line of shipment.lines) {
              expect(line.quantity).toBeGreaterThan(0);
              expect(line.variantId).toBe(`v${line.lineNo}`);
            }
          }
          expect(new Set(shipments.map((s) => s.id)).size).toBe(shipments.length);
        }
      }),
      RUNS,
    );
  });

  it('move the order’s fulfilment only forward, to delivered exactly when every shipment is', () => {
    fc.assert(
      fc.property(linesArb, fc.array(stepArb, { minLength: 10, maxLength: 40 }), (lines, steps) => {
        let n = 1;
        let shipments = [shipmentForOrder('s0', { orderId: 'o1', lines, address, method: { id: 'm', name: 'M' } })];
        let rank = 0;
        for (const step of steps) {
          shipments = apply(shipments, step, () => `s${n++}`);
          const fulfilment = orderFulfilment(lines, shipments);
          expect(fulfilmentRank(fulfilment)).toBeGreaterThanOrEqual(rank);
          rank = fulfilmentRank(fulfilment);
          const live = shipments.filter((s) => s.status !== 'cancelled');
          expect(fulfilment === 'delivered').toBe(live.length > 0 && live.every((s) => s.status === 'delivered'));
          expect(fulfilment === null).toBe(!live.some((s) => OUT_OF_WAREHOUSE.has(s.status)));
          expect(fulfilment === 'shipped' || fulfilment === 'delivered').toBe(
            live.length > 0 && live.every((s) => OUT_OF_WAREHOUSE.has(s.status)),
          );
        }
      }),
      RUNS,
    );
  });
});
