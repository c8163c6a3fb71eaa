import { Inject } from '@nestjs/common';
import { fillUrlTemplate } from '../../../../platform/config';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderConfirmed } from '../../../orders';
import { breakdownRows } from '../../domain/breakdown-rows';
import { formatMoney } from '../../domain/format-money';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../../notifications.config';
import { EmailSender } from '../delivery/email-sender';
import { CustomerLookup, orderRef } from './customer-lookup';

/**
 * Sends the customer the confirmation of their order, with its lines and its totals breakdown
 * (subtotal, each discount, shipping, tax, total; ADR 0107) when the event carries it.
 */
@OnIntegrationEvent(OrderConfirmed, { module: 'notifications', name: 'SendOrderConfirmedEmail' })
export class SendOrderConfirmedEmailHandler implements IntegrationEventHandler<OrderConfirmed> {
  constructor(
    private readonly emails: EmailSender,
    private readonly customers: CustomerLookup,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(event: OrderConfirmed, tx: Transaction): Promise<void> {
    const { orderId, customerId, lines, total, totals } = event.payload;
    const customer = await this.customers.find(customerId);
    await this.emails.send(tx, {
      eventId: event.eventId,
      template: 'order-confirmed',
      to: customer.email,
      data: {
        name: customer.name,
        orderRef: orderRef(orderId),
        orderUrl: fillUrlTemplate(this.config.orderUrlTemplate, { orderId }),
        total: formatMoney(total),
        lines: lines.map((line) => ({
          title: line.title,
          sku: line.sku,
          quantity: line.quantity,
          lineTotal: formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }),
        })),
        summary: totals ? breakdownRows(totals) : [],
      },
    });
  }
}
