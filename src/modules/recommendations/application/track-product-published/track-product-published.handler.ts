import { ProductPublished } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { cardOf } from '../../domain/catalog-facts';
import { CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** A published product is active: it may be recommended, shown with its card. */
@OnIntegrationEvent(ProductPublished, { module: 'recommendations', name: 'TrackProductPublished' })
export class TrackProductPublishedHandler implements IntegrationEventHandler<ProductPublished> {
  constructor(private readonly catalogFacts: CatalogFactsRepository) {}

  async handle(event: ProductPublished, tx: Transaction): Promise<void> {
    const { productId, variants } = event.payload;
    await this.catalogFacts.recordProduct(tx, productId, 'active', cardOf(event.payload), variants);
  }
}
