import { DomainError } from '../../../platform/errors';
import { Money } from '../../../platform/money';

/** Where an order is, as its customer sees it. */
export type OrderStatus = 'pending' | 'confirmed' | 'shipped' | 'cancelled';

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

/** An order as orders keeps it (its lines and timeline are read apart). Money is minor units of `currency`. */
export interface Order {
  readonly id: string;
  readonly customerId: string;
  readonly cartId: string;
  readonly status: OrderStatus;
  readonly currency: string;
  /** subtotal + shipping, in minor units. */
  readonly totalAmount: number;
  /** The shipping price (re-quoted at checkout), in minor units; 0 without a method. */
  readonly shippingAmount: number;
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
  | 'shippingAmount'
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

/** Who may cancel an order in which status: customers before shipping, admins before delivery. */
export function mayCancel(status: OrderStatus, by: 'customer' | 'admin'): boolean {
  if (status === 'pending' || status === 'confirmed') return true;
  return status === 'shipped' && by === 'admin';
}

/** The cart already has an order that is not cancelled (a second tab, a double click). */
export class CartAlreadyOrdered extends DomainError<'cart-checked-out'> {
  override name = 'CartAlreadyOrdered';

  constructor(cartId: string) {
    super('cart-checked-out', `Cart ${cartId} already has an order that is not cancelled.`, { cartId });
  }
}
