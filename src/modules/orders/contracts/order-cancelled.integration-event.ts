import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `orders.OrderCancelled.v1` carries: which order, whose, why and when. */
export interface OrderCancelledPayload {
  readonly orderId: string;
  readonly customerId: string;
  /** e.g. `insufficient_stock`, `payment_declined`, `payment_risk`, `timeout`, `cancelled_by_customer`. */
  readonly reason: string;
  readonly cancelledAt: string;
}

/** An order was cancelled; whatever it held was given back. */
@IntegrationEventContract(
  'orders.OrderCancelled.v1',
  () =>
    new OrderCancelled({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      reason: 'insufficient_stock',
      cancelledAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderCancelled extends IntegrationEvent<OrderCancelledPayload> {}
