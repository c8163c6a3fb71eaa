import { FieldError, ShippingDomainError } from './shipping-domain-error';
import { MAX_TEXT, Shipment, ShipmentStatus, TrackingMark, earliest } from './shipment';

/** The statuses a carrier reports, by rank: a later rank wins a tie of time and sequence. */
export const CARRIER_STATUSES = ['in_transit', 'exception', 'delivered'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];

/**
 * One tracking event from a carrier (a verified webhook's payload). `occurredAt` is when the carrier
 * says it happened (epoch ms, its clock, not ours); `sequence` is the carrier's counter for the
 * parcel, which orders events of the same millisecond.
 */
export interface TrackingEvent {
  readonly trackingNumber: string;
  readonly status: CarrierStatus;
  readonly occurredAt: number;
  readonly sequence: number;
  /** The carrier's words (e.g. "address not found"); kept as the exception reason. */
  readonly description?: string;
}

/**
 * What an event did:
 * - `applied`: it is the newest event so far; the shipment took its status (maybe the same one);
 * - `duplicate`: the very event was already applied (same time, sequence and status);
 * - `stale`: a newer event was already applied; nothing changed;
 * - `after_delivery`: the shipment is delivered, which nothing undoes (an older `delivered` may still
 *   move `deliveredAt` earlier);
 * - `not_dispatched`: the shipment is pending, packed or cancelled; tracking does not apply.
 */
export type TrackingOutcome = 'applied' | 'duplicate' | 'stale' | 'after_delivery' | 'not_dispatched';

export interface TrackingResult {
  readonly shipment: Shipment;
  readonly outcome: TrackingOutcome;
  /** The status before, when it changed (publish `ShipmentDelivered` etc. only then). */
  readonly changedFrom: ShipmentStatus | null;
}

const TRACKED: ReadonlySet<ShipmentStatus> = new Set(['dispatched', 'in_transit', 'exception', 'delivered']);

/**
 * Applies a carrier event so that duplicated, reordered and stale events are harmless (ADR 0106): the
 * result depends only on the SET of events seen, not on their order or repetition —
 *
 * - any `delivered` event makes the shipment `delivered` for good, even if older than the newest
 *   event seen (a late scan cannot undo a delivery); `deliveredAt` is the earliest delivery known;
 * - otherwise the shipment takes the status of the newest event by (`occurredAt`, `sequence`, status
 *   rank); an event older than the newest seen (`lastTracking`) changes nothing;
 * - `lastTracking` is the newest event seen.
 *
 * Admin changes (`changeShipment`) and carrier events share the shipment; only the carrier's events
 * are ordered by the carrier's clock.
 *
 * @throws ShippingDomainError `invalid-shipment-change` (details.errors) for a malformed event, or one
 *   for another tracking number than the shipment's.
 */
export function applyTrackingEvent(shipment: Shipment, event: TrackingEvent): TrackingResult {
  assertTrackingEvent(event, shipment.trackingNumber);
  if (!TRACKED.has(shipment.status)) return { shipment, outcome: 'not_dispatched', changedFrom: null };
  const mark: TrackingMark = {
    occurredAt: event.occurredAt,
    sequence: event.sequence,
    rank: CARRIER_STATUSES.indexOf(event.status),
  };
  const last = shipment.lastTracking;
  const order = last === null ? 1 : compareMarks(mark, last);
  const newest = order > 0 ? mark : last;
  if (event.status === 'delivered' || shipment.status === 'delivered') {
    const deliveredAt =
      event.status === 'delivered' ? earliest(shipment.deliveredAt, new Date(event.occurredAt)) : shipment.deliveredAt;
    const after = {
      ...shipment,
      status: 'delivered' as const,
      exceptionReason: null,
      deliveredAt,
      lastTracking: newest,
    };
    const changedFrom = shipment.status === 'delivered' ? null : shipment.status;
    const outcome = changedFrom ? 'applied' : order === 0 ? 'duplicate' : 'after_delivery';
    return { shipment: after, outcome, changedFrom };
  }
  if (order === 0) return { shipment, outcome: 'duplicate', changedFrom: null };
  if (order < 0) return { shipment, outcome: 'stale', changedFrom: null };
  const status = event.status;
  const after: Shipment = {
    ...shipment,
    status,
    exceptionReason: status === 'exception' ? event.description?.trim() || 'exception reported by the carrier' : null,
    lastTracking: mark,
  };
  return { shipment: after, outcome: 'applied', changedFrom: status === shipment.status ? null : shipment.status };
}

/** Orders two events as the carrier does: time, then sequence, then status rank. */
export function compareMarks(a: TrackingMark, b: TrackingMark): number {
  return Math.sign(a.occurredAt - b.occurredAt || a.sequence - b.sequence || a.rank - b.rank);
}

/** The carrier status named by `raw`, or undefined for one Arcade does not know (the webhook refuses it). */
export function parseCarrierStatus(raw: string): CarrierStatus | undefined {
  return (CARRIER_STATUSES as readonly string[]).includes(raw) ? (raw as CarrierStatus) : undefined;
}

function assertTrackingEvent(event: TrackingEvent, trackingNumber: string | null): void {
  const errors: FieldError[] = [];
  if (event.trackingNumber !== trackingNumber) {
    errors.push({ field: 'trackingNumber', message: 'the event is for another parcel' });
  }
  if (parseCarrierStatus(event.status) === undefined) {
    errors.push({ field: 'status', message: `status is one of ${CARRIER_STATUSES.join(', ')}` });
  }
  if (!Number.isSafeInteger(event.occurredAt) || event.occurredAt < 0) {
    errors.push({ field: 'occurredAt', message: 'must be a time in epoch milliseconds' });
  }
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    errors.push({ field: 'sequence', message: 'must be a non-negative integer' });
  }
  if ((event.description?.length ?? 0) > MAX_TEXT) {
    errors.push({ field: 'description', message: `must be at most ${MAX_TEXT} characters` });
  }
  if (errors.length > 0)
    throw new ShippingDomainError('invalid-shipment-change', 'The tracking event is invalid.', { errors });
}
