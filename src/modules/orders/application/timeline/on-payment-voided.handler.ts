import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentVoided } from '../../../payments';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';

/** The hold on the customer's card was released: no money moved. */
@OnIntegrationEvent(PaymentVoided, { module: 'orders', name: 'OnPaymentVoided' })
export class OnPaymentVoidedHandler implements IntegrationEventHandler<PaymentVoided> {
  constructor(private readonly timeline: OrderTimelineRepository) {}

  handle(event: PaymentVoided, tx: Transaction): Promise<void> {
    return this.timeline.recordIfKnown(tx, event.payload.orderId, 'payment_voided', event.payload.reason);
  }
}
