import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentRefunded } from '../../../payments';
import { recordOnTimelineIfKnown } from '../../infrastructure/order-timeline';

/**
 * Money went back to the customer (a cancellation, an admin's partial refund, or one made at the
 * provider): the timeline shows how much and why.
 */
@OnIntegrationEvent(PaymentRefunded, { module: 'orders', name: 'OnPaymentRefunded' })
export class OnPaymentRefunded implements IntegrationEventHandler<PaymentRefunded> {
  handle(event: PaymentRefunded, tx: Transaction): Promise<void> {
    const { orderId, reason, amount } = event.payload;
    return recordOnTimelineIfKnown(tx.manager, orderId, 'payment_refunded', reason ?? null, amount);
  }
}
