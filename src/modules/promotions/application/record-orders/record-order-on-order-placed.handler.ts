import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderPlaced } from '../../../orders';
import { CustomerOrderRepository } from '../../infrastructure/customer-order.repository';

/** A placed order counts as the customer's order for `firstOrderOnly` (until it is cancelled). */
@OnIntegrationEvent(OrderPlaced, { module: 'promotions', name: 'promotions.RecordOrderOnOrderPlaced', batch: true })
export class RecordOrderOnOrderPlacedHandler implements IntegrationEventHandler<OrderPlaced> {
  constructor(private readonly orders: CustomerOrderRepository) {}

  async handle(event: OrderPlaced, tx: Transaction): Promise<void> {
    await this.orders.placed(tx, event.payload.orderId.toLowerCase(), event.payload.customerId.toLowerCase());
  }
}
