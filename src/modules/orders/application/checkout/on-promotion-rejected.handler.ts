import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PromotionRejected } from '../../../promotions';
import { CheckoutProcess } from './checkout.process';

/**
 * A promotion of the order could not be counted (used up, expired or no longer eligible since the
 * cart priced it): the order is cancelled `promotion_unavailable`, and nothing was held for it.
 */
@OnIntegrationEvent(PromotionRejected, { module: 'orders', name: 'orders.OnPromotionRejected', batch: true })
export class OnPromotionRejectedHandler implements IntegrationEventHandler<PromotionRejected> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PromotionRejected, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'promotion_rejected' });
  }
}
