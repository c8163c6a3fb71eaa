import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { ShipmentDelivered } from '../../../shipping';
import { OrderFulfilmentUpdater } from './order-fulfilment';

/** A parcel of the order was delivered: the timeline shows it, the order is delivered once every unit is. */
@OnIntegrationEvent(ShipmentDelivered, { module: 'orders', name: 'orders.OnShipmentDelivered' })
export class OnShipmentDeliveredHandler implements IntegrationEventHandler<ShipmentDelivered> {
  constructor(private readonly fulfilment: OrderFulfilmentUpdater) {}

  handle(event: ShipmentDelivered, tx: Transaction): Promise<void> {
    const { orderId, carrier, trackingNumber, orderFulfilment } = event.payload;
    return this.fulfilment.apply(tx, {
      orderId,
      entry: 'shipment_delivered',
      detail: carrier && trackingNumber ? `${carrier} ${trackingNumber}` : null,
      fulfilment: orderFulfilment,
      firstParcel: null,
    });
  }
}
