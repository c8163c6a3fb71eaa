import type { Money } from '../../../../platform/messaging';
import type { OrderStatus, ShippingAddress } from '../../domain/order';

/** A line of an order, with its total. */
export interface OrderLineView {
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
}

/** One thing that happened to an order, its money or its stock. */
export interface TimelineEntryView {
  readonly status: string;
  readonly at: string;
  readonly reason?: string;
  /** The money the entry is about (e.g. how much was refunded). */
  readonly amount?: Money;
}

/** An order as its customer (or an admin) sees it. */
export interface OrderView {
  readonly id: string;
  readonly status: OrderStatus;
  readonly customerId: string;
  readonly lines: OrderLineView[];
  /** A breakdown: `total = subtotal + shipping` (the shipping price re-quoted at checkout; 0 without a method). */
  readonly totals: {
    readonly subtotal: Money;
    readonly shipping: Money;
    readonly total: Money;
    readonly itemCount: number;
  };
  /** How the order travels; null when it was placed without a method (no shipping set up). */
  readonly shippingMethod: { readonly id: string; readonly name: string } | null;
  readonly shippingAddress: ShippingAddress;
  readonly timeline: TimelineEntryView[];
  readonly cancelReason?: string;
  readonly shipment?: { readonly carrier: string; readonly trackingNumber: string; readonly shippedAt: string };
  readonly createdAt: string;
}

/** A just placed order. */
export interface PlacedOrder {
  readonly id: string;
  readonly status: 'pending';
}
