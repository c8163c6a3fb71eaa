import { ShippingDomainError } from './shipping-domain-error';
import { OUT_OF_WAREHOUSE, Shipment, changeShipment } from './shipment';

/**
 * What an order's cancellation does to its shipments: every pending or packed one is cancelled at
 * `at`; already-cancelled ones stay as they are (a repeated cancellation changes nothing). A shipment
 * is never cancelled alone while its order lives, so no ordered unit is left without a shipment.
 *
 * @throws ShippingDomainError `order-already-dispatched` (→ 409; details: orderId, shipmentIds) when any
 *   shipment has left the warehouse — nothing is cancelled then (a return is another flow).
 */
export function cancelOrderShipments(shipments: readonly Shipment[], at: Date): Shipment[] {
  const out = shipments.filter((shipment) => OUT_OF_WAREHOUSE.has(shipment.status));
  if (out.length > 0) {
    throw new ShippingDomainError('order-already-dispatched', 'Part of the order has already been dispatched.', {
      orderId: out[0].orderId,
      shipmentIds: out.map((shipment) => shipment.id),
    });
  }
  return shipments.map((shipment) =>
    shipment.status === 'cancelled' ? shipment : changeShipment(shipment, { type: 'cancel' }, at),
  );
}
