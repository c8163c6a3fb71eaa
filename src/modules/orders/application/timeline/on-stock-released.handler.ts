import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReleased } from '../../../catalog';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';

/** The order's units went back to stock: `stock_restocked` (sold units) or `stock_released` (held units). */
@OnIntegrationEvent(StockReleased, { module: 'orders', name: 'OnStockReleased' })
export class OnStockReleasedHandler implements IntegrationEventHandler<StockReleased> {
  constructor(private readonly timeline: OrderTimelineRepository) {}

  handle(event: StockReleased, tx: Transaction): Promise<void> {
    const { orderId, restocked, reason } = event.payload;
    return this.timeline.recordIfKnown(tx, orderId, restocked ? 'stock_restocked' : 'stock_released', reason);
  }
}
