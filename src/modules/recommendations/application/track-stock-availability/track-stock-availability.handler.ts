import { StockAvailabilityChanged } from '../../../catalog';
import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { CatalogFactsRepository } from '../../infrastructure/catalog-facts.repository';

/** A product none of whose variants is in stock is not recommended until one comes back. */
@OnIntegrationEvent(StockAvailabilityChanged, {
  module: 'recommendations',
  name: 'TrackStockAvailability',
  batch: true,
})
export class TrackStockAvailabilityHandler implements IntegrationEventHandler<StockAvailabilityChanged> {
  constructor(private readonly catalogFacts: CatalogFactsRepository) {}

  async handle(event: StockAvailabilityChanged, tx: Transaction): Promise<void> {
    const { productId, variantId, inStock } = event.payload;
    await this.catalogFacts.recordStock(tx, productId, variantId, inStock);
  }
}
