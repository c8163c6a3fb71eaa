import { FieldError, ShippingDomainError } from './shipping-domain-error';

/**
 * Where a shipment is. The warehouse moves it `pending → packed → dispatched`; then the carrier's
 * tracking (or an admin) moves it to `in_transit`, `exception` (held, damaged, lost — it may recover)
 * and `delivered`. `cancelled` is only reachable before dispatch. `delivered` and `cancelled` are final.
 */
export type ShipmentStatus =
  'pending' | 'packed' | 'dispatched' | 'in_transit' | 'exception' | 'delivered' | 'cancelled';

/** The statuses in which a shipment's units have left the warehouse. */
export const OUT_OF_WAREHOUSE: ReadonlySet<ShipmentStatus> = new Set([
  'dispatched',
  'in_transit',
  'exception',
  'delivered',
]);

/** The moves the lifecycle allows, by current status. */
const NEXT: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  pending: ['packed', 'cancelled'],
  packed: ['dispatched', 'cancelled'],
  dispatched: ['in_transit', 'exception', 'delivered'],
  in_transit: ['exception', 'delivered'],
  exception: ['in_transit', 'delivered'],
  delivered: [],
  cancelled: [],
};

/** True when the lifecycle allows moving from `from` to `to`. */
export function mayMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Some units of one line of the order: its line number in the order, the variant, how many (≥ 1). */
export interface ShipmentLine {
  readonly lineNo: number;
  readonly variantId: string;
  readonly quantity: number;
}

/** The order's shipping address, as the order holds it. */
export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/**
 * The newest carrier event applied to a shipment, in the carrier's order: `occurredAt` (epoch ms, the
 * carrier's clock), then its `sequence`, then the status rank (`in_transit` < `exception` <
 * `delivered`). See tracking-events.ts and ADR 0106.
 */
export interface TrackingMark {
  readonly occurredAt: number;
  readonly sequence: number;
  readonly rank: number;
}

/** A parcel (or a pallet) of some units of one order, going to the order's address by one method. */
export interface Shipment {
  readonly id: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  /** Null while orders does not yet say where the order goes (`OrderConfirmed.v1` before stage 2 of issue 18). */
  readonly address: ShippingAddress | null;
  /** The method the customer chose; null while orders does not yet carry it (see `address`). */
  readonly method: { readonly id: string; readonly name: string } | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  /** Why the shipment is in `exception` (the carrier's words); null in every other status. */
  readonly exceptionReason: string | null;
  readonly lastTracking: TrackingMark | null;
  readonly packedAt: Date | null;
  readonly dispatchedAt: Date | null;
  /** The earliest time it is known to have been delivered (an admin's record or the carrier's event). */
  readonly deliveredAt: Date | null;
  readonly cancelledAt: Date | null;
}

/** A change the warehouse, an admin or the carrier's tracking asks of a shipment. */
export type ShipmentChange =
  | { readonly type: 'pack' }
  | { readonly type: 'dispatch'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: 'mark_in_transit' }
  | { readonly type: 'report_exception'; readonly reason: string }
  | { readonly type: 'deliver' }
  | { readonly type: 'cancel' };

const TARGET: Readonly<Record<ShipmentChange['type'], ShipmentStatus>> = {
  pack: 'packed',
  dispatch: 'dispatched',
  mark_in_transit: 'in_transit',
  report_exception: 'exception',
  deliver: 'delivered',
  cancel: 'cancelled',
};

/** Longest carrier name, tracking number or exception reason kept, in characters. */
export const MAX_TEXT = 200;

/**
 * The one shipment an order gets when it is confirmed: all its lines, `pending`.
 *
 * @throws ShippingDomainError `invalid-shipment-change` (details.errors) for no lines, a line number
 *   that is not a positive integer or appears twice, a blank variant id, a quantity that is not a
 *   positive integer.
 */
export function shipmentForOrder(
  id: string,
  order: {
    readonly orderId: string;
    readonly lines: readonly ShipmentLine[];
    readonly address: Shipment['address'];
    readonly method: Shipment['method'];
  },
): Shipment {
  const errors: FieldError[] =
    order.lines.length === 0 ? [{ field: 'lines', message: 'an order ships something' }] : [];
  const seen = new Set<number>();
  order.lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.lineNo) || line.lineNo < 1 || seen.has(line.lineNo)) {
      errors.push({ field: `lines[${i}].lineNo`, message: 'line numbers are distinct positive integers' });
    }
    if (!line.variantId) errors.push({ field: `lines[${i}].variantId`, message: 'a line names its variant' });
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      errors.push({ field: `lines[${i}].quantity`, message: 'must be a positive integer' });
    }
    seen.add(line.lineNo);
  });
  if (errors.length > 0)
    throw new ShippingDomainError('invalid-shipment-change', 'The order cannot be shipped.', { errors });
  return {
    id,
    orderId: order.orderId,
    status: 'pending',
    lines: order.lines.map(({ lineNo, variantId, quantity }) => ({ lineNo, variantId, quantity })),
    address: order.address,
    method: order.method,
    carrier: null,
    trackingNumber: null,
    exceptionReason: null,
    lastTracking: null,
    packedAt: null,
    dispatchedAt: null,
    deliveredAt: null,
    cancelledAt: null,
  };
}

/**
 * Applies one change at `at`; returns the new shipment (the input is not modified).
 *
 * @throws ShippingDomainError `illegal-shipment-transition` (details: shipmentId, from, to) when the
 *   lifecycle does not allow the move — including repeating it (packing a packed shipment) and
 *   cancelling after dispatch; `invalid-shipment-change` (details.errors) for a blank or over-long
 *   carrier, tracking number or exception reason.
 */
export function changeShipment(shipment: Shipment, change: ShipmentChange, at: Date): Shipment {
  const to = TARGET[change.type];
  if (!mayMove(shipment.status, to)) {
    throw new ShippingDomainError('illegal-shipment-transition', `A ${shipment.status} shipment cannot become ${to}.`, {
      shipmentId: shipment.id,
      from: shipment.status,
      to,
    });
  }
  const moved = { ...shipment, status: to, exceptionReason: null };
  switch (change.type) {
    case 'pack':
      return { ...moved, packedAt: at };
    case 'dispatch':
      checkTexts({ carrier: change.carrier, trackingNumber: change.trackingNumber });
      return {
        ...moved,
        carrier: change.carrier.trim(),
        trackingNumber: change.trackingNumber.trim(),
        dispatchedAt: at,
      };
    case 'report_exception':
      checkTexts({ reason: change.reason });
      return { ...moved, exceptionReason: change.reason.trim() };
    case 'deliver':
      return { ...moved, deliveredAt: earliest(shipment.deliveredAt, at) };
    case 'cancel':
      return { ...moved, cancelledAt: at };
    case 'mark_in_transit':
      return moved;
  }
}

/** The earlier of two times (either may be unknown). */
export function earliest(a: Date | null, b: Date): Date {
  return a !== null && a.getTime() <= b.getTime() ? a : b;
}

function checkTexts(texts: Readonly<Record<string, string>>): void {
  const errors = Object.entries(texts)
    .filter(([, text]) => !text.trim() || text.trim().length > MAX_TEXT)
    .map(([field]) => ({ field, message: `must be 1 to ${MAX_TEXT} characters` }));
  if (errors.length > 0) throw new ShippingDomainError('invalid-shipment-change', 'The change is invalid.', { errors });
}
