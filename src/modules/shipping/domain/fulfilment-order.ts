import { ShipmentLine } from './shipment';

/**
 * An order as shipping knows it: what `OrderConfirmed` said should ship (its lines with their line
 * numbers), or — when the cancellation came first — a tombstone with no lines and `cancelledAt` set, so
 * that a late confirmation ships nothing.
 */
export interface FulfilmentOrder {
  readonly orderId: string;
  readonly customerId: string;
  /** The ordered units per line; every one is in exactly one live shipment until cancelled. */
  readonly lines: readonly ShipmentLine[];
  readonly cancelledAt: Date | null;
}
