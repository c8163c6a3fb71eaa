import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

export interface OrderConfirmedPayload {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly {
    readonly productId: string;
    readonly variantId: string;
    readonly sku: string;
    readonly title: string;
    readonly quantity: number;
    readonly unitPrice: Money;
  }[];
  readonly total: Money;
  readonly confirmedAt: string;
}

/** An order is paid and its stock sold: it will ship. */
@IntegrationEventContract(
  'orders.OrderConfirmed.v1',
  () =>
    new OrderConfirmed({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      lines: [
        {
          productId: '0190a000-0000-7000-8000-000000000003',
          variantId: '0190a000-0000-7000-8000-000000000002',
          sku: 'TEE-M',
          title: 'Tee M',
          quantity: 1,
          unitPrice: { amount: 1999, currency: 'EUR' },
        },
      ],
      total: { amount: 1999, currency: 'EUR' },
      confirmedAt: '2026-01-01T00:00:00.000Z',
    }),
)
export class OrderConfirmed extends IntegrationEvent<OrderConfirmedPayload> {}
