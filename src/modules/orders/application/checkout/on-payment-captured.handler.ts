import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentCaptured } from '../../../payments';
import { CheckoutProcess } from './checkout.process';

/** The money is captured: one of the two steps confirmation waits for. */
@OnIntegrationEvent(PaymentCaptured, { module: 'orders', name: 'OnPaymentCaptured', batch: true })
export class OnPaymentCapturedHandler implements IntegrationEventHandler<PaymentCaptured> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PaymentCaptured, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'payment_captured' });
  }
}
