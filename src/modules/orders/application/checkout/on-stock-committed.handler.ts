import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockCommitted } from '../../../catalog';
import { CheckoutProcess } from './checkout.process';

/** The held units are sold: one of the two steps confirmation waits for. */
@OnIntegrationEvent(StockCommitted, { module: 'orders', name: 'OnStockCommitted', batch: true })
export class OnStockCommittedHandler implements IntegrationEventHandler<StockCommitted> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: StockCommitted, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'stock_committed' });
  }
}
