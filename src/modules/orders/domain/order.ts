import { DomainError } from '../../../platform/errors';
import { Money } from '../../../platform/money';

/**
 * Where an order is, as its customer sees it. After `confirmed`, shipping's events move it through
 * `partially_shipped` (some units left the warehouse), `shipped` (all left) and `delivered` (all
 * delivered); see {@link advanceFulfilment}.
 */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Every status, in the order an order goes through them (`cancelled` may follow `pending` or `confirmed`). */
export const ORDER_STATUSES = [
  'pending',
  'confirmed',
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
] as const;

/** How far an order's goods have gone, as shipping derives it from all the order's shipments (ADR 0106). */
export type OrderFulfilment = 'partially_shipped' | 'shipped' | 'delivered';

const FULFILMENT_RANK: Readonly<Record<OrderStatus, number>> = {
  pending: 0,
  confirmed: 1,
  partially_shipped: 2,
  shipped: 3,
  delivered: 4,
  cancelled: -1,
};

/**
 * The status an order takes from a fulfilment shipping reported, or null to keep it: only a
 * fulfilment that ranks above the current status applies (`confirmed < partially_shipped < shipped <
 * delivered`), so shipment events delivered twice or out of order never move an order back. A
 * pending or cancelled order is not moved (shipping ships only confirmed orders; a late event for a
 * cancelled one changes nothing).
 */
export function advanceFulfilment(current: OrderStatus, fulfilment: OrderFulfilment | null): OrderStatus | null {
  if (fulfilment === null || current === 'pending' || current === 'cancelled') return null;
  return FULFILMENT_RANK[fulfilment] > FULFILMENT_RANK[current] ? fulfilment : null;
}

/** Where an order goes; `line2` is null when there is none. */
export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/** The shipping method an order travels by, as shipping named it when the customer chose it. */
export interface OrderShippingMethod {
  readonly id: string;
  readonly name: string;
}

/** A carrier's hand-over of a shipped order. */
export interface Shipment {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** What one promotion took off one line or off shipping, in minor units of the order's currency. */
export interface OrderPromotionShare {
  readonly promotionId: string;
  /** The code the customer applied; null for an automatic promotion. */
  readonly code: string | null;
  readonly amount: number;
}

/** A promotion the order carries, and all it took (lines and shipping), in minor units. */
export interface OrderPromotion {
  readonly promotionId: string;
  readonly code: string | null;
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  readonly amount: number;
}

/**
 * One part of an order's breakdown (a line, or shipping), ADR 0107, in minor units:
 * `total = amount − discount + (taxIncluded ? 0 : tax)`.
 */
export interface PricedPart {
  /** Before the discount: unit price × quantity, or shipping's quoted price. */
  readonly amount: number;
  readonly discount: number;
  /** Tax on `amount − discount`, rounded half-up on its own. */
  readonly tax: number;
  /** The rate applied, parts per million (190 000 = 19 %). */
  readonly taxRatePpm: number;
  readonly byPromotion: readonly OrderPromotionShare[];
}

/** An order as orders keeps it (its lines and timeline are read apart). Money is minor units of `currency`. */
export interface Order {
  readonly id: string;
  readonly customerId: string;
  readonly cartId: string;
  readonly status: OrderStatus;
  readonly currency: string;
  /**
   * What the customer pays (and payments authorises and captures), in minor units:
   * `subtotal − discount + shipping + (taxIncluded ? 0 : tax)` (ADR 0107).
   */
  readonly totalAmount: number;
  /** Σ unit price × quantity of the lines, as priced (gross in a tax-inclusive store). */
  readonly subtotalAmount: number;
  /** Everything promotions took, lines and shipping. */
  readonly discountAmount: number;
  /** Σ line tax + shipping tax ("of which tax" when `taxIncluded`). */
  readonly taxAmount: number;
  readonly taxIncluded: boolean;
  /** The country tax was computed for; null when none was (an order priced without tax). */
  readonly taxCountry: string | null;
  /** The shipping price (re-quoted at checkout) before its discount, in minor units; 0 without a method. */
  readonly shippingAmount: number;
  /** Shipping's part of the breakdown (its discount, tax and rate); null without a method. */
  readonly shippingPricing: PricedPart | null;
  /** The codes the customer applied, in the order applied. */
  readonly promotionCodes: readonly string[];
  /** Every promotion the order carries (codes and automatic ones) and what it took. */
  readonly promotions: readonly OrderPromotion[];
  /** Null when the order has no method (a shop with no shipping method set up). */
  readonly shippingMethod: OrderShippingMethod | null;
  readonly itemCount: number;
  readonly shippingAddress: ShippingAddress;
  readonly paymentProvider: string;
  /** The provider's token for the card (never card data); needed to authorize. */
  readonly paymentToken: string;
  readonly cancelReason: string | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly shippedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An order about to be placed (it starts `pending`, not cancelled nor shipped). */
export type NewOrder = Pick<
  Order,
  | 'id'
  | 'customerId'
  | 'cartId'
  | 'currency'
  | 'totalAmount'
  | 'subtotalAmount'
  | 'discountAmount'
  | 'taxAmount'
  | 'taxIncluded'
  | 'taxCountry'
  | 'shippingAmount'
  | 'shippingPricing'
  | 'promotionCodes'
  | 'promotions'
  | 'shippingMethod'
  | 'itemCount'
  | 'shippingAddress'
  | 'paymentProvider'
  | 'paymentToken'
>;

/** What changes on an order after it is placed. */
export type OrderChanges = Partial<Pick<Order, 'status' | 'cancelReason' | 'carrier' | 'trackingNumber' | 'shippedAt'>>;

/** One thing that happened to an order, its money or its stock. */
export interface TimelineEntry {
  readonly status: string;
  readonly at: Date;
  readonly reason: string | null;
  /** The money the entry is about (a refund); null for the others. */
  readonly amount: Money | null;
}

/** A line of an order, at the price its customer accepted. */
export interface OrderLine {
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** What an order costs and how many items it has: a breakdown, `total = subtotal + shipping`. */
export interface OrderTotals {
  readonly subtotal: Money;
  readonly shipping: Money;
  readonly total: Money;
  readonly itemCount: number;
}

/**
 * Totals in integer minor units; every line, and the shipping price, must be in the order's one
 * currency. Promotions and tax (issue 19) add their lines to this breakdown.
 */
export function totalsOf(lines: readonly OrderLine[], currency: string, shipping: Money | null = null): OrderTotals {
  let amount = 0;
  let itemCount = 0;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency)
      throw new Error(`Line ${line.sku} is in ${line.unitPrice.currency}, not ${currency}`);
    amount += line.unitPrice.amount * line.quantity;
    itemCount += line.quantity;
  }
  if (shipping && shipping.currency !== currency)
    throw new Error(`Shipping is in ${shipping.currency}, not ${currency}`);
  const shippingAmount = shipping?.amount ?? 0;
  const total = amount + shippingAmount;
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(shippingAmount) || shippingAmount < 0) {
    throw new Error('Order total is out of range');
  }
  return {
    subtotal: { amount, currency },
    shipping: { amount: shippingAmount, currency },
    total: { amount: total, currency },
    itemCount,
  };
}

/**
 * Whether an order in this status may still be cancelled, by its customer or an admin: only before any
 * of its goods left the warehouse (a confirmed order also needs shipping's consent, which refuses once
 * a parcel is dispatched). After that, money goes back through a refund (`POST /payments/:id/refund`);
 * returns are another flow (ADR 0113).
 */
export function mayCancel(status: OrderStatus): boolean {
  return status === 'pending' || status === 'confirmed';
}

/** The cart already has an order that is not cancelled (a second tab, a double click). */
export class CartAlreadyOrdered extends DomainError<'cart-checked-out'> {
  override name = 'CartAlreadyOrdered';

  constructor(cartId: string) {
    super('cart-checked-out', `Cart ${cartId} already has an order that is not cancelled.`, { cartId });
  }
}
