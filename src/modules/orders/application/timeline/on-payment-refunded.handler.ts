import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentRefunded } from '../../../payments';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';

/**
 * Money went back to the customer (a cancellation, an admin's partial refund, or one made at the
 * provider): the timeline shows how much and why.
 */
@OnIntegrationEvent(PaymentRefunded, { module: 'orders', name: 'OnPaymentRefunded' })
export class OnPaymentRefundedHandler implements IntegrationEventHandler<PaymentRefunded> {
  constructor(private readonly timeline: OrderTimelineRepository) {}

  handle(event: PaymentRefunded, tx: Transaction): Promise<void> {
    const { orderId, reason, amount } = event.payload;
    return this.timeline.recordIfKnown(tx, orderId, 'payment_refunded', reason ?? null, amount);
  }
}
