import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReservationRejected } from '../../../catalog';
import { cancellationReasonForRejection } from '../../domain/checkout-saga';
import { CheckoutProcess } from './checkout-process';

@OnIntegrationEvent(StockReservationRejected, { module: 'orders', name: 'OnStockReservationRejected' })
export class OnStockReservationRejected implements IntegrationEventHandler<StockReservationRejected> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: StockReservationRejected, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, {
      kind: 'stock_rejected',
      reason: cancellationReasonForRejection(event.payload.problems),
    });
  }
}
