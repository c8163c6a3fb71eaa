import { Inject } from '@nestjs/common';
import { fillUrlTemplate } from '../../../../platform/config';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderCancelled } from '../../../orders';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';
import { CustomerLookup, orderRef } from './customer-lookup';

const REASONS: Readonly<Record<string, string>> = {
  insufficient_stock: 'some items were no longer in stock',
  payment_declined: 'the payment was declined',
  payment_risk: 'the payment could not be accepted',
  timeout: 'it could not be completed in time',
  cancelled_by_customer: 'you asked us to cancel it',
};

/** Tells the customer their order was cancelled, and why. */
@OnIntegrationEvent(OrderCancelled, { module: 'notifications', name: 'SendOrderCancelledEmail' })
export class SendOrderCancelledEmailHandler implements IntegrationEventHandler<OrderCancelled> {
  constructor(
    private readonly emails: EmailSender,
    private readonly customers: CustomerLookup,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(event: OrderCancelled, tx: Transaction): Promise<void> {
    const { orderId, customerId, reason } = event.payload;
    const customer = await this.customers.find(customerId);
    await this.emails.send(tx, {
      eventId: event.eventId,
      template: 'order-cancelled',
      to: customer.email,
      data: {
        name: customer.name,
        orderRef: orderRef(orderId),
        orderUrl: fillUrlTemplate(this.config.orderUrlTemplate, { orderId }),
        reason: REASONS[reason] ?? reason.replace(/_/g, ' '),
      },
    });
  }
}
