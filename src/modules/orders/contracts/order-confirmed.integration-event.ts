import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';
import { EXAMPLE_ORDER_LINE, OrderLineSnapshot } from './order-placed.integration-event';

/** What `orders.OrderConfirmed.v1` carries: the order's lines at the prices paid, and its total. */
export interface OrderConfirmedPayload {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineSnapshot[];
  readonly total: Money;
  readonly confirmedAt: string;
  /**
   * How the order travels (added in issue 18; optional, so v1 events without it stay valid): the
   * method's id and name as shipping quoted them. Absent when the order has no method.
   */
  readonly shippingMethod?: { readonly id: string; readonly name: string };
}

/** An order is paid and its stock sold: it will ship. */
@IntegrationEventContract(
  'orders.OrderConfirmed.v1',
  () =>
    new OrderConfirmed({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      lines: [EXAMPLE_ORDER_LINE],
      total: { amount: 1999, currency: 'EUR' },
      confirmedAt: '2026-01-01T00:00:00.000Z',
      shippingMethod: { id: '0190a000-0000-7000-8000-000000000003', name: 'Standard' },
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderConfirmed extends IntegrationEvent<OrderConfirmedPayload> {}
