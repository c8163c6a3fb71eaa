import { Command, CommandContract } from '../../../platform/messaging/contracts';

export interface CancelOrderShipmentsResult {
  /**
   * `cancelled`: every shipment of the order is cancelled now (or was); `no_shipments`: shipping has
   * none for it (not confirmed, or not received yet: a later `OrderConfirmed` creates none);
   * `already_dispatched`: a parcel has left the warehouse, nothing was cancelled (a return is another flow).
   */
  readonly outcome: 'cancelled' | 'no_shipments' | 'already_dispatched';
  /** With `already_dispatched`: the shipments that left. */
  readonly dispatchedShipmentIds: readonly string[];
}

/**
 * Cancels every shipment of an order if none has left the warehouse — all or nothing. Orders asks it
 * before cancelling a confirmed order, so that a refusal is a clean 409 (stage 2 of issue 18).
 * Idempotent by order id; publishes `ShipmentCancelled` for each shipment it cancels.
 */
@CommandContract(
  'shipping.CancelOrderShipments',
  () =>
    new CancelOrderShipments(
      '0190a000-0000-7000-8000-000000000001',
      '0190a000-0000-7000-8000-000000000002',
      'cancelled_by_customer',
    ),
  { key: (c) => c.orderId },
)
export class CancelOrderShipments extends Command<CancelOrderShipmentsResult> {
  constructor(
    /** The order whose shipments go. */
    readonly orderId: string,
    /** Its customer (recorded if shipping has not heard of the order yet). */
    readonly customerId: string,
    /** Why, e.g. `cancelled_by_customer`; carried into `ShipmentCancelled`. */
    readonly reason: string,
  ) {
    super();
  }
}
