import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentVoided } from '../../../payments';
import { recordOnTimelineIfKnown } from '../../infrastructure/order-timeline';

/** The hold on the customer's card was released: no money moved. */
@OnIntegrationEvent(PaymentVoided, { module: 'orders', name: 'OnPaymentVoided' })
export class OnPaymentVoided implements IntegrationEventHandler<PaymentVoided> {
  handle(event: PaymentVoided, tx: Transaction): Promise<void> {
    return recordOnTimelineIfKnown(tx.manager, event.payload.orderId, 'payment_voided', event.payload.reason);
  }
}
