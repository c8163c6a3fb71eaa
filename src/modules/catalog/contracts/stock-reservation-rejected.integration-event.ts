import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface StockReservationRejectedPayload {
  readonly orderId: string;
  readonly problems: readonly {
    readonly variantId: string;
    /** `price_changed`: catalog's current price is not the one the order charges. */
    readonly reason:
      | 'insufficient_stock'
      | 'unknown_variant'
      | 'not_purchasable'
      | 'invalid_quantity'
      | 'duplicate_line'
      | 'invalid_price'
      | 'price_changed';
    readonly requested: number;
    readonly available: number;
  }[];
}

/** Nothing was reserved for an order; `problems` says which lines and why. */
@IntegrationEventContract(
  'catalog.StockReservationRejected.v1',
  () =>
    new StockReservationRejected({
      orderId: '0190a000-0000-7000-8000-000000000001',
      problems: [
        { variantId: '0190a000-0000-7000-8000-000000000002', reason: 'insufficient_stock', requested: 2, available: 1 },
      ],
    }),
  { key: (e) => e.payload.orderId },
)
export class StockReservationRejected extends IntegrationEvent<StockReservationRejectedPayload> {}
