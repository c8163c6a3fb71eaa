import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentReviewed } from '../../../payments';
import { CheckoutProcess } from './checkout.process';

/** A payment held for review was approved (the checkout confirms) or rejected (it cancels, `payment_risk`). */
@OnIntegrationEvent(PaymentReviewed, { module: 'orders', name: 'orders.OnPaymentReviewed', batch: true })
export class OnPaymentReviewedHandler implements IntegrationEventHandler<PaymentReviewed> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PaymentReviewed, tx: Transaction): Promise<void> {
    const kind = event.payload.outcome === 'approved' ? 'payment_review_approved' : 'payment_review_rejected';
    return this.checkout.advance(tx, event.payload.orderId, { kind });
  }
}
