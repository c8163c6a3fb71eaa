import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockLevelLowPayload {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly available: number;
  readonly threshold: number;
}

/** A variant's available units fell to or below the low-stock threshold. */
@IntegrationEventContract(
  'catalog.StockLevelLow.v1',
  () =>
    new StockLevelLow({
      variantId: '0190a000-0000-7000-8000-000000000002',
      productId: '0190a000-0000-7000-8000-000000000001',
      sku: 'TEE-M',
      available: 2,
      threshold: 5,
    }),
  { key: (e) => e.payload.productId },
)
export class StockLevelLow extends IntegrationEvent<StockLevelLowPayload> {}
