import { ProductUpdated } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { cardOf, CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** Follows a product's status (archived and draft products are not recommended) and its card. */
@OnIntegrationEvent(ProductUpdated, { module: 'recommendations', name: 'TrackProductUpdated' })
export class TrackProductUpdated implements IntegrationEventHandler<ProductUpdated> {
  async handle(event: ProductUpdated, tx: Transaction): Promise<void> {
    const { productId, variants } = event.payload;
    await new CatalogFactsRepository(tx.manager).recordProduct(
      productId,
      event.payload.status,
      cardOf(event.payload),
      variants,
    );
  }
}
