import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReleased } from '../../../catalog';
import { recordOnTimelineIfKnown } from '../../infrastructure/order-timeline';

/** The order's units went back to stock: `stock_restocked` (sold units) or `stock_released` (held units). */
@OnIntegrationEvent(StockReleased, { module: 'orders', name: 'OnStockReleased' })
export class OnStockReleased implements IntegrationEventHandler<StockReleased> {
  handle(event: StockReleased, tx: Transaction): Promise<void> {
    const { orderId, restocked, reason } = event.payload;
    return recordOnTimelineIfKnown(tx.manager, orderId, restocked ? 'stock_restocked' : 'stock_released', reason);
  }
}
