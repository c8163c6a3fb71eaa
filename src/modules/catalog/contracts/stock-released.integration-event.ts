import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockReleasedPayload {
  readonly orderId: string;
  readonly lines: readonly { readonly variantId: string; readonly productId: string; readonly quantity: number }[];
  readonly reason: string;
  /** True when sold units came back on hand (a confirmed order undone); false when held units were let go. */
  readonly restocked: boolean;
}

/** Units held for (or sold to) an order went back to stock: released, expired or restocked. */
@IntegrationEventContract(
  'catalog.StockReleased.v1',
  () =>
    new StockReleased({
      orderId: '0190a000-0000-7000-8000-000000000001',
      lines: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          productId: '0190a000-0000-7000-8000-000000000003',
          quantity: 1,
        },
      ],
      reason: 'expired',
      restocked: false,
    }),
  { key: (e) => e.payload.orderId },
)
export class StockReleased extends IntegrationEvent<StockReleasedPayload> {}
