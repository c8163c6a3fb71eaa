import { ProductUpdated } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** Follows a product's status: archived and draft products are not recommended. */
@OnIntegrationEvent(ProductUpdated, { module: 'recommendations' })
export class TrackProductUpdated implements IntegrationEventHandler<ProductUpdated> {
  async handle(event: ProductUpdated, tx: Transaction): Promise<void> {
    const { productId, status, variants } = event.payload;
    await new CatalogFactsRepository(tx.manager).recordProduct(
      productId,
      status,
      variants.map((v) => v.variantId),
    );
  }
}
