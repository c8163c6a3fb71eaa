import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PaymentRefunded } from '../../../payments';
import { ReleasePromotionRedemption } from '../../../promotions';
import { OrderRepository } from '../../infrastructure/order.repository';

/**
 * An order refunded in full gives its promotions' uses back (ADR 0118), whether or not it is
 * cancelled: once `totalRefunded` reaches the order's total, `ReleasePromotionRedemption` is sent
 * through the outbox. The command is idempotent by order id (a cancellation that already released
 * it, or a redelivered event, releases nothing more); a partial refund keeps the redemption.
 */
@OnIntegrationEvent(PaymentRefunded, { module: 'orders', name: 'orders.ReleasePromotionsOnFullRefund' })
export class ReleasePromotionsOnFullRefundHandler implements IntegrationEventHandler<PaymentRefunded> {
  constructor(private readonly orders: OrderRepository) {}

  async handle(event: PaymentRefunded, tx: Transaction): Promise<void> {
    const { orderId, totalRefunded } = event.payload;
    const order = await this.orders.find(orderId, tx);
    if (!order || order.promotions.length === 0) return;
    if (totalRefunded.currency !== order.currency || totalRefunded.amount < order.totalAmount) return;
    tx.send(new ReleasePromotionRedemption(orderId, 'refunded'));
  }
}
