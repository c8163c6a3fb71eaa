import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReserved } from '../../../catalog';
import { CheckoutProcess } from './checkout-process';

@OnIntegrationEvent(StockReserved, { module: 'orders', name: 'OnStockReserved' })
export class OnStockReserved implements IntegrationEventHandler<StockReserved> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: StockReserved, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'stock_reserved' });
  }
}
