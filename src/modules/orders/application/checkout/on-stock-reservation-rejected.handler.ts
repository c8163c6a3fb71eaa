import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { StockReservationRejected } from '../../../catalog';
import { cancellationReasonForRejection } from '../../domain/checkout-saga';
import { CheckoutProcess } from './checkout.process';

/** Catalog reserved nothing (stock or price): the checkout cancels the order. */
@OnIntegrationEvent(StockReservationRejected, { module: 'orders', name: 'OnStockReservationRejected', batch: true })
export class OnStockReservationRejectedHandler implements IntegrationEventHandler<StockReservationRejected> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: StockReservationRejected, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, {
      kind: 'stock_rejected',
      reason: cancellationReasonForRejection(event.payload.problems),
    });
  }
}
