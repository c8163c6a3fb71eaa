import { Inject } from '@nestjs/common';
import { fillUrlTemplate } from '../../../../platform/config';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderShipped } from '../../../orders';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';
import { CustomerLookup, orderRef } from './customer-lookup';

/** Tells the customer their order is on its way, with the carrier and tracking number. */
@OnIntegrationEvent(OrderShipped, { module: 'notifications', name: 'SendOrderShippedEmail' })
export class SendOrderShippedEmailHandler implements IntegrationEventHandler<OrderShipped> {
  constructor(
    private readonly emails: EmailSender,
    private readonly customers: CustomerLookup,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(event: OrderShipped, tx: Transaction): Promise<void> {
    const { orderId, customerId, carrier, trackingNumber } = event.payload;
    const customer = await this.customers.find(customerId);
    await this.emails.send(tx, {
      eventId: event.eventId,
      template: 'order-shipped',
      to: customer.email,
      data: {
        name: customer.name,
        orderRef: orderRef(orderId),
        orderUrl: fillUrlTemplate(this.config.orderUrlTemplate, { orderId }),
        carrier,
        trackingNumber,
      },
    });
  }
}
