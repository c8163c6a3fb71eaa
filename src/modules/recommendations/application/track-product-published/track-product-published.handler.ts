import { ProductPublished } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { cardOf, CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** A published product is active: it may be recommended, shown with its card. */
@OnIntegrationEvent(ProductPublished, { module: 'recommendations', name: 'TrackProductPublished' })
export class TrackProductPublished implements IntegrationEventHandler<ProductPublished> {
  async handle(event: ProductPublished, tx: Transaction): Promise<void> {
    const { productId, variants } = event.payload;
    await new CatalogFactsRepository(tx.manager).recordProduct(productId, 'active', cardOf(event.payload), variants);
  }
}
