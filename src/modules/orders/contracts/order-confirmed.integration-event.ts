import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';
import { EXAMPLE_ORDER_LINE, OrderLineSnapshot } from './order-placed.integration-event';

/** A line of a confirmed order, with its number in the order. */
export interface ConfirmedOrderLineSnapshot extends OrderLineSnapshot {
  /**
   * The line's number in the order (1, 2, …; shipments and returns name lines by it). Optional for the
   * events published before it was added; a consumer then takes the line's position (1-based).
   */
  readonly lineNo?: number;
  /** What promotions took off the line (issue 19; optional, absent from events published before). */
  readonly discount?: Money;
  /** The line's tax ("of which tax" when the totals say `taxIncluded`); optional as `discount`. */
  readonly tax?: Money;
  /** What the line costs: unit price × quantity − discount (+ tax unless included); optional as `discount`. */
  readonly total?: Money;
}

/**
 * A confirmed order's totals breakdown (ADR 0107), all minor units of the order's currency:
 * `total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)`.
 */
export interface OrderTotalsSnapshot {
  readonly subtotal: Money;
  /** Everything promotions took, lines and shipping. */
  readonly discountTotal: Money;
  /** Shipping's quoted price, before its discount. */
  readonly shippingTotal: Money;
  /** Σ line tax + shipping tax; inside the prices when `taxIncluded`. */
  readonly taxTotal: Money;
  readonly total: Money;
  readonly taxIncluded: boolean;
  /** Of `discountTotal`, what was taken off shipping (free shipping). */
  readonly shippingDiscount: Money;
  /** Of `taxTotal`, the tax on shipping. */
  readonly shippingTax: Money;
  /** The promotions the order carries and what each took; `code` null for an automatic one. */
  readonly promotions: readonly {
    readonly promotionId: string;
    readonly code: string | null;
    readonly amount: Money;
  }[];
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
  /** The totals breakdown (issue 19; optional, absent from events published before it was added). */
  readonly totals?: OrderTotalsSnapshot;
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
          ...EXAMPLE_ORDER_LINE,
          lineNo: 1,
          discount: { amount: 200, currency: 'EUR' },
          tax: { amount: 342, currency: 'EUR' },
          total: { amount: 2141, currency: 'EUR' },
        },
      ],
      total: { amount: 2631, currency: 'EUR' },
      confirmedAt: '2026-01-01T00:00:00.000Z',
      shippingMethod: { id: '0190a000-0000-7000-8000-000000000003', name: 'Standard' },
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '1 Analytical Way',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
      totals: {
        subtotal: { amount: 1999, currency: 'EUR' },
        discountTotal: { amount: 200, currency: 'EUR' },
        shippingTotal: { amount: 490, currency: 'EUR' },
        taxTotal: { amount: 342, currency: 'EUR' },
        total: { amount: 2631, currency: 'EUR' },
        taxIncluded: false,
        shippingDiscount: { amount: 0, currency: 'EUR' },
        shippingTax: { amount: 0, currency: 'EUR' },
        promotions: [
          {
            promotionId: '0190a000-0000-7000-8000-000000000004',
            code: 'WELCOME10',
            amount: { amount: 200, currency: 'EUR' },
          },
        ],
      },
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderConfirmed extends IntegrationEvent<OrderConfirmedPayload> {}
