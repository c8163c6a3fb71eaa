import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentDeclined } from '../../../payments';
import { cancellationReasonForDecline } from '../../domain/checkout-saga';
import { CheckoutProcess } from './checkout.process';

/** The payment was declined (or blocked by the risk check): the checkout cancels the order. */
@OnIntegrationEvent(PaymentDeclined, { module: 'orders', name: 'OnPaymentDeclined', batch: true })
export class OnPaymentDeclinedHandler implements IntegrationEventHandler<PaymentDeclined> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PaymentDeclined, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, {
      kind: 'payment_declined',
      reason: cancellationReasonForDecline(event.payload.reason),
    });
  }
}
