import { CartItemAdded } from '../../../cart';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { LearnedSignalsRepository } from '../../infrastructure/learned-signals.repository';

/** An add-to-cart is a weak signal: of interest (popularity, history) and of products wanted together. */
@OnIntegrationEvent(CartItemAdded, { module: 'recommendations', name: 'LearnFromCartItemAdded', batch: true })
export class LearnFromCartItemAddedHandler implements IntegrationEventHandler<CartItemAdded> {
  constructor(private readonly signals: LearnedSignalsRepository) {}

  async handle(event: CartItemAdded, tx: Transaction): Promise<void> {
    const { cartId, productId, customerId } = event.payload;
    await this.signals.recordCartAdd(tx, { cartId, productId, customerId, addedAt: event.occurredAt });
  }
}
