import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockReservedPayload {
  readonly orderId: string;
  readonly lines: readonly { readonly variantId: string; readonly productId: string; readonly quantity: number }[];
  readonly expiresAt: string;
}

/** Every line of an order is held until `expiresAt`. */
@IntegrationEventContract(
  'catalog.StockReserved.v1',
  () =>
    new StockReserved({
      orderId: '0190a000-0000-7000-8000-000000000001',
      lines: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          productId: '0190a000-0000-7000-8000-000000000003',
          quantity: 1,
        },
      ],
      expiresAt: '2026-01-01T00:15:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class StockReserved extends IntegrationEvent<StockReservedPayload> {}
