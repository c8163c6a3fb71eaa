import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

/** One line of an order as the customer bought it (catalog ids by value, the price paid). */
export interface OrderLineSnapshot {
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** The line the orders contracts' examples show. */
export const EXAMPLE_ORDER_LINE: OrderLineSnapshot = {
  productId: '0190a000-0000-7000-8000-000000000003',
  variantId: '0190a000-0000-7000-8000-000000000002',
  sku: 'TEE-M',
  title: 'Tee M',
  quantity: 1,
  unitPrice: { amount: 1999, currency: 'EUR' },
};

/** What `orders.OrderPlaced.v1` carries: the pending order's lines and total. */
export interface OrderPlacedPayload {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineSnapshot[];
  readonly total: Money;
}

/** A customer placed an order; checkout begins. */
@IntegrationEventContract(
  'orders.OrderPlaced.v1',
  () =>
    new OrderPlaced({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      lines: [EXAMPLE_ORDER_LINE],
      total: { amount: 1999, currency: 'EUR' },
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderPlaced extends IntegrationEvent<OrderPlacedPayload> {}
