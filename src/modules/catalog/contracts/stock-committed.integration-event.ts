import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockCommittedPayload {
  readonly orderId: string;
  readonly lines: readonly { readonly variantId: string; readonly productId: string; readonly quantity: number }[];
}

/** An order's reserved units were sold. */
@IntegrationEventContract(
  'catalog.StockCommitted.v1',
  () =>
    new StockCommitted({
      orderId: '0190a000-0000-7000-8000-000000000001',
      lines: [
        {
          variantId: '0190a000-0000-7000-8000-000000000002',
          productId: '0190a000-0000-7000-8000-000000000003',
          quantity: 1,
        },
      ],
    }),
  { key: (e) => e.payload.orderId },
)
export class StockCommitted extends IntegrationEvent<StockCommittedPayload> {}
