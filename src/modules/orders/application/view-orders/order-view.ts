import type { Money } from '../../../../platform/messaging';
import type { OrderStatus, ShippingAddress } from '../../domain/order';

/** What one promotion took off a line or off shipping. */
export interface PromotionShareView {
  readonly promotionId: string;
  /** Null for an automatic promotion. */
  readonly code: string | null;
  readonly amount: Money;
}

/** A line of an order, with what it paid: `total = lineTotal − discount + (taxIncluded ? 0 : tax)`. */
export interface OrderLineView {
  /** The line's number in the order (refunds name it). */
  readonly lineNo: number;
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** unit price × quantity, before the discount. */
  readonly lineTotal: Money;
  readonly discount: Money;
  readonly tax: Money;
  /** Parts per million (190 000 = 19 %). */
  readonly taxRatePpm: number;
  readonly total: Money;
  readonly byPromotion: readonly PromotionShareView[];
  /** Units refunded so far. */
  readonly refundedUnits: number;
}

/** Shipping's part of the breakdown: `total = amount − discount + (taxIncluded ? 0 : tax)`. */
export interface OrderShippingPricingView {
  /** The quoted price, before the discount. */
  readonly amount: Money;
  readonly discount: Money;
  readonly tax: Money;
  readonly taxRatePpm: number;
  readonly total: Money;
  readonly byPromotion: readonly PromotionShareView[];
}

/** A promotion the order carries and all it took. */
export interface OrderPromotionView {
  readonly promotionId: string;
  readonly code: string | null;
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  readonly amount: Money;
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
  /**
   * The breakdown copied at checkout (ADR 0107):
   * `total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)`; `shipping`
   * repeats `shippingTotal` (the name before issue 19).
   */
  readonly totals: {
    readonly subtotal: Money;
    readonly discountTotal: Money;
    readonly shippingTotal: Money;
    readonly taxTotal: Money;
    readonly total: Money;
    readonly taxIncluded: boolean;
    readonly shipping: Money;
    readonly itemCount: number;
  };
  /** Shipping's discount and tax; null without a method. */
  readonly shippingPricing: OrderShippingPricingView | null;
  /** The promotions the order carries (codes and automatic ones). */
  readonly promotions: readonly OrderPromotionView[];
  /** The codes the customer applied, in order. */
  readonly promotionCodes: readonly string[];
  /** The country tax was computed for; null when none was. */
  readonly taxCountry: string | null;
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
