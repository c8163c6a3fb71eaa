import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentAuthorized } from '../../../payments';
import { CheckoutProcess } from './checkout.process';

/**
 * The payment is authorized: the checkout confirms the order (commit stock, capture, clear the
 * cart), or, when the risk check holds it for review, waits for the review's outcome.
 */
@OnIntegrationEvent(PaymentAuthorized, { module: 'orders', name: 'OnPaymentAuthorized', batch: true })
export class OnPaymentAuthorizedHandler implements IntegrationEventHandler<PaymentAuthorized> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PaymentAuthorized, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, {
      kind: 'payment_authorized',
      heldForReview: event.payload.heldForReview === true,
    });
  }
}
