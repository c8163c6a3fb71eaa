import { Logger } from '@nestjs/common';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderCancelled } from '../../../orders';
import { OrderShipmentsCancellation } from './cancel-order-shipments';

/**
 * A cancelled order's shipments are cancelled if none has left the warehouse. If one has (the
 * cancellation raced a dispatch), nothing is cancelled and the refusal is logged: the event is a
 * fact, not a request, so it is not retried; from stage 2 orders asks `CancelOrderShipments` first
 * and refuses the cancellation cleanly (409) instead.
 */
@OnIntegrationEvent(OrderCancelled, { module: 'shipping', name: 'shipping.CancelShipmentsOnOrderCancelled' })
export class CancelShipmentsOnOrderCancelledHandler implements IntegrationEventHandler<OrderCancelled> {
  private readonly logger = new Logger('Shipping');

  constructor(private readonly cancellation: OrderShipmentsCancellation) {}

  async handle(event: OrderCancelled, tx: Transaction): Promise<void> {
    const { orderId, customerId, reason } = event.payload;
    const result = await this.cancellation.cancel(tx, orderId, customerId, reason);
    if (result.outcome === 'already_dispatched') {
      this.logger.warn(
        `order ${orderId} was cancelled after shipments ${result.dispatchedShipmentIds.join(', ')} left; they stay as they are`,
      );
    }
  }
}
