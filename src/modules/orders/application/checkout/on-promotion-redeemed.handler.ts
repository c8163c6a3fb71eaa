import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { PromotionRedeemed } from '../../../promotions';
import { CheckoutProcess } from './checkout.process';

/**
 * The order's promotions are counted for it (the discount it was priced with is its own): the
 * checkout reserves the stock. A redemption that lands after a cancellation is given back.
 */
@OnIntegrationEvent(PromotionRedeemed, { module: 'orders', name: 'orders.OnPromotionRedeemed', batch: true })
export class OnPromotionRedeemedHandler implements IntegrationEventHandler<PromotionRedeemed> {
  constructor(private readonly checkout: CheckoutProcess) {}

  handle(event: PromotionRedeemed, tx: Transaction): Promise<void> {
    return this.checkout.advance(tx, event.payload.orderId, { kind: 'promotion_redeemed' });
  }
}
