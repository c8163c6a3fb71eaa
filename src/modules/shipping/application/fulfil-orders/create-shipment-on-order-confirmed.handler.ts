import { v7 as uuidv7 } from 'uuid';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderConfirmed } from '../../../orders';
import { shipmentForOrder } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { toShip } from './confirmed-order';

/**
 * A confirmed order joins the warehouse's queue: one pending shipment of all its lines. Runs in
 * shipping's transaction after the inbox recorded the event, and the order is recorded once by its
 * id, so a redelivery — or the same order confirmed in another event — creates nothing more; an order
 * whose cancellation arrived first ships nothing. Checkout never waits for it.
 */
@OnIntegrationEvent(OrderConfirmed, {
  module: 'shipping',
  name: 'shipping.CreateShipmentOnOrderConfirmed',
  batch: true,
})
export class CreateShipmentOnOrderConfirmedHandler implements IntegrationEventHandler<OrderConfirmed> {
  constructor(private readonly shipments: ShipmentRepository) {}

  async handle(event: OrderConfirmed, tx: Transaction): Promise<void> {
    const { orderId, customerId } = event.payload;
    const { lines, address, method } = toShip(event);
    const shipment = shipmentForOrder(uuidv7(), { orderId, lines, address, method });
    if (!(await this.shipments.recordOrder(tx, { orderId, customerId, lines, cancelledAt: null }))) return;
    await this.shipments.save(tx, shipment);
  }
}
