import { ProductUpdated } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { cardOf } from '../../domain/catalog-facts';
import { CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** Follows a product's status (archived and draft products are not recommended) and its card. */
@OnIntegrationEvent(ProductUpdated, { module: 'recommendations', name: 'TrackProductUpdated' })
export class TrackProductUpdatedHandler implements IntegrationEventHandler<ProductUpdated> {
  constructor(private readonly catalogFacts: CatalogFactsRepository) {}

  async handle(event: ProductUpdated, tx: Transaction): Promise<void> {
    const { productId, status, variants } = event.payload;
    await this.catalogFacts.recordProduct(tx, productId, status, cardOf(event.payload), variants);
  }
}
