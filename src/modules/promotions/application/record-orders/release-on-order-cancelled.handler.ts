import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { OrderCancelled } from '../../../orders';
import { CustomerOrderRepository } from '../../infrastructure/customer-order.repository';
import { RedemptionRelease } from '../release-redemption/redemption-release';

/**
 * A cancelled order no longer counts for `firstOrderOnly`, and its redemption is given back in the
 * same transaction (what `ReleasePromotionRedemption` does; either may come first, both are harmless).
 */
@OnIntegrationEvent(OrderCancelled, { module: 'promotions', name: 'promotions.ReleaseOnOrderCancelled' })
export class ReleaseOnOrderCancelledHandler implements IntegrationEventHandler<OrderCancelled> {
  constructor(
    private readonly orders: CustomerOrderRepository,
    private readonly release: RedemptionRelease,
  ) {}

  async handle(event: OrderCancelled, tx: Transaction): Promise<void> {
    const orderId = event.payload.orderId.toLowerCase();
    await this.orders.cancelled(tx, orderId, event.payload.customerId.toLowerCase());
    await this.release.release(tx, orderId, event.payload.reason || 'cancelled');
  }
}
