import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { ShipmentDispatched } from '../../../shipping';
import { OrderFulfilmentUpdater } from './order-fulfilment';

/** A parcel of the order left the warehouse: the timeline shows it, the order may become (partially) shipped. */
@OnIntegrationEvent(ShipmentDispatched, { module: 'orders', name: 'orders.OnShipmentDispatched' })
export class OnShipmentDispatchedHandler implements IntegrationEventHandler<ShipmentDispatched> {
  constructor(private readonly fulfilment: OrderFulfilmentUpdater) {}

  handle(event: ShipmentDispatched, tx: Transaction): Promise<void> {
    const { orderId, carrier, trackingNumber, orderFulfilment, dispatchedAt } = event.payload;
    return this.fulfilment.apply(tx, {
      orderId,
      entry: 'shipment_dispatched',
      detail: `${carrier} ${trackingNumber}`,
      fulfilment: orderFulfilment,
      firstParcel: { carrier, trackingNumber, at: new Date(dispatchedAt) },
    });
  }
}
