import { Inject } from '@nestjs/common';
import { fillUrlTemplate } from '../../../../platform/config';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { ShipmentDelivered } from '../../../shipping';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';
import { CustomerLookup, orderRef } from '../order-emails/customer-lookup';
import { parcelWording } from './parcel-wording';

/** Tells the customer a parcel of their order was delivered (and whether that was the last one). */
@OnIntegrationEvent(ShipmentDelivered, {
  module: 'notifications',
  name: 'notifications.SendShipmentDeliveredEmail',
})
export class SendShipmentDeliveredEmailHandler implements IntegrationEventHandler<ShipmentDelivered> {
  constructor(
    private readonly emails: EmailSender,
    private readonly customers: CustomerLookup,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** One email per delivered parcel (shipping publishes the event once per shipment; the inbox drops repeats). */
  async handle(event: ShipmentDelivered, tx: Transaction): Promise<void> {
    const { orderId, customerId, lines, orderFulfilment, deliveredAt } = event.payload;
    const customer = await this.customers.find(customerId);
    await this.emails.send(tx, {
      eventId: event.eventId,
      template: 'shipment-delivered',
      to: customer.email,
      data: {
        name: customer.name,
        orderRef: orderRef(orderId),
        ...parcelWording(orderFulfilment === 'delivered', lines),
        orderUrl: fillUrlTemplate(this.config.orderUrlTemplate, { orderId }),
        deliveredOn: deliveredAt.slice(0, 10),
      },
    });
  }
}
