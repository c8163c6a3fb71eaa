import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockAvailabilityChangedPayload {
  readonly variantId: string;
  readonly productId: string;
  readonly inStock: boolean;
}

/** A variant went out of stock (`inStock: false`) or came back. */
@IntegrationEventContract(
  'catalog.StockAvailabilityChanged.v1',
  () =>
    new StockAvailabilityChanged({
      variantId: '0190a000-0000-7000-8000-000000000002',
      productId: '0190a000-0000-7000-8000-000000000001',
      inStock: false,
    }),
  { key: (e) => e.payload.productId },
)
export class StockAvailabilityChanged extends IntegrationEvent<StockAvailabilityChangedPayload> {}
