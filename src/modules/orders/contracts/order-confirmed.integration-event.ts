import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';
import { EXAMPLE_ORDER_LINE, OrderLineSnapshot } from './order-placed.integration-event';

/** A line of a confirmed order, with its number in the order. */
export interface ConfirmedOrderLineSnapshot extends OrderLineSnapshot {
  /**
   * The line's number in the order (1, 2, …; shipments and returns name lines by it). Optional for the
   * events published before it was added; a consumer then takes the line's position (1-based).
   */
  readonly lineNo?: number;
}

/** Where a confirmed order goes, as the customer gave it at checkout. */
export interface OrderAddressSnapshot {
  readonly name: string;
  readonly line1: string;
  /** Absent (or null) when there is none. */
  readonly line2?: string | null;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/** What `orders.OrderConfirmed.v1` carries: the order's lines at the prices paid, its total and address. */
export interface OrderConfirmedPayload {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly ConfirmedOrderLineSnapshot[];
  readonly total: Money;
  readonly confirmedAt: string;
  /**
   * How the order travels (added in issue 18; optional, so v1 events without it stay valid): the
   * method's id and name as shipping quoted them. Absent when the order has no method.
   */
  readonly shippingMethod?: { readonly id: string; readonly name: string };
  /** Where the order goes; optional for the events published before it was added. */
  readonly shippingAddress?: OrderAddressSnapshot;
}

/** An order is paid and its stock sold: it will ship. */
@IntegrationEventContract(
  'orders.OrderConfirmed.v1',
  () =>
    new OrderConfirmed({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      lines: [{ ...EXAMPLE_ORDER_LINE, lineNo: 1 }],
      total: { amount: 1999, currency: 'EUR' },
      confirmedAt: '2026-01-01T00:00:00.000Z',
      shippingMethod: { id: '0190a000-0000-7000-8000-000000000003', name: 'Standard' },
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '1 Analytical Way',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderConfirmed extends IntegrationEvent<OrderConfirmedPayload> {}
