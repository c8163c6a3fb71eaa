import { Inject } from '@nestjs/common';
import { fillUrlTemplate } from '../../../../platform/config';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { ShipmentDispatched } from '../../../shipping';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';
import { CustomerLookup, orderRef } from '../order-emails/customer-lookup';
import { parcelWording } from './parcel-wording';

/** Tells the customer a parcel of their order left, with the carrier, tracking number and tracking link. */
@OnIntegrationEvent(ShipmentDispatched, {
  module: 'notifications',
  name: 'notifications.SendShipmentDispatchedEmail',
})
export class SendShipmentDispatchedEmailHandler implements IntegrationEventHandler<ShipmentDispatched> {
  constructor(
    private readonly emails: EmailSender,
    private readonly customers: CustomerLookup,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** One email per dispatched parcel, in the inbox's transaction (a redelivery sends nothing). */
  async handle(event: ShipmentDispatched, tx: Transaction): Promise<void> {
    const { orderId, customerId, carrier, trackingNumber, lines, orderFulfilment } = event.payload;
    const customer = await this.customers.find(customerId);
    await this.emails.send(tx, {
      eventId: event.eventId,
      template: 'shipment-dispatched',
      to: customer.email,
      data: {
        name: customer.name,
        orderRef: orderRef(orderId),
        ...parcelWording(orderFulfilment === 'shipped', lines),
        orderUrl: fillUrlTemplate(this.config.orderUrlTemplate, { orderId }),
        carrier,
        trackingNumber,
        trackingUrl: fillUrlTemplate(this.config.trackingUrlTemplate, { orderId, carrier, trackingNumber }),
      },
    });
  }
}
