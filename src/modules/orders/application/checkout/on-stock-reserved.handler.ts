import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReserved } from '../../../catalog';
import { CheckoutProcess } from './checkout.process';

/** The units are held: the checkout asks payments to authorize. */
@OnIntegrationEvent(StockReserved, { module: 'orders', name: 'OnStockReserved', batch: true })
export class OnStockReservedHandler implements IntegrationEventHandler<StockReserved> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: StockReserved, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'stock_reserved' });
  }
}
