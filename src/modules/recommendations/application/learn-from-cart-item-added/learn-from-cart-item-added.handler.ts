import { Inject } from '@nestjs/common';
import { CartItemAdded } from '../../../cart';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { LearnedSignalsRepository } from '../../infrastructure/learned-signals.repository';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../../recommendations.config';

/** An add-to-cart is a weak signal: of interest (popularity, history) and of products wanted together. */
@OnIntegrationEvent(CartItemAdded, { module: 'recommendations', name: 'LearnFromCartItemAdded' })
export class LearnFromCartItemAdded implements IntegrationEventHandler<CartItemAdded> {
  constructor(@Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig) {}

  async handle(event: CartItemAdded, tx: Transaction): Promise<void> {
    const { cartId, productId, customerId } = event.payload;
    await new LearnedSignalsRepository(tx.manager, this.config).recordCartAdd({
      cartId,
      productId,
      customerId,
      addedAt: event.occurredAt,
    });
  }
}
