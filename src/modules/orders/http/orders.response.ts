import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { Money } from '../../../platform/messaging';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';
import type {
  OrderLineView,
  OrderPromotionView,
  OrderShippingPricingView,
  OrderView,
  PromotionShareView,
  TimelineEntryView,
} from '../application/view-orders/order-view';
import type { LineRefundView, OrderRefundView } from '../application/refunds/refund-order-lines.use-case';

/** What one promotion took off a line or off shipping. */
@ApiSchema({ name: 'OrderPromotionShareView' })
export class PromotionShareResponse implements PromotionShareView {
  @ApiProperty({ format: 'uuid' }) readonly promotionId: string;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10', description: 'Null for an automatic promotion' })
  readonly code: string | null;
  @ApiProperty({ type: MoneyResponse }) readonly amount: Money;
}

// The schemas keep the names the API has always published (`OrderView`…): they are part of its contract.

/** A line of an order. */
@ApiSchema({ name: 'OrderLineView' })
export class OrderLineResponse implements OrderLineView {
  @ApiProperty({ example: 1, description: "The line's number in the order (refunds name it)" }) readonly lineNo: number;
  @ApiProperty({ format: 'uuid' }) readonly productId: string;
  @ApiProperty({ format: 'uuid' }) readonly variantId: string;
  @ApiProperty({ example: 'TEE-M' }) readonly sku: string;
  @ApiProperty({ example: 'Organic cotton tee – Medium' }) readonly title: string;
  @ApiProperty({ example: 2 }) readonly quantity: number;
  @ApiProperty({ type: MoneyResponse }) readonly unitPrice: Money;
  @ApiProperty({ type: MoneyResponse, description: 'unit price × quantity, before the discount' })
  readonly lineTotal: Money;
  @ApiProperty({ type: MoneyResponse, description: 'What promotions took off the line' }) readonly discount: Money;
  @ApiProperty({ type: MoneyResponse, description: 'Tax on the line after its discount' }) readonly tax: Money;
  @ApiProperty({ example: 190000, description: 'Parts per million (190 000 = 19 %)' }) readonly taxRatePpm: number;
  @ApiProperty({ type: MoneyResponse, description: 'lineTotal − discount (+ tax unless included)' })
  readonly total: Money;
  @ApiProperty({ type: [PromotionShareResponse] }) readonly byPromotion: PromotionShareResponse[];
  @ApiProperty({ example: 0, description: 'Units refunded so far' }) readonly refundedUnits: number;
}

/** Shipping's part of the breakdown. */
@ApiSchema({ name: 'OrderShippingPricingView' })
export class OrderShippingPricingResponse implements OrderShippingPricingView {
  @ApiProperty({ type: MoneyResponse, description: 'The quoted price, before the discount' }) readonly amount: Money;
  @ApiProperty({ type: MoneyResponse }) readonly discount: Money;
  @ApiProperty({ type: MoneyResponse }) readonly tax: Money;
  @ApiProperty({ example: 190000 }) readonly taxRatePpm: number;
  @ApiProperty({ type: MoneyResponse }) readonly total: Money;
  @ApiProperty({ type: [PromotionShareResponse] }) readonly byPromotion: PromotionShareResponse[];
}

/** A promotion the order carries. */
@ApiSchema({ name: 'OrderPromotionView' })
export class OrderPromotionResponse implements OrderPromotionView {
  @ApiProperty({ format: 'uuid' }) readonly promotionId: string;
  @ApiProperty({ type: String, nullable: true, example: 'WELCOME10' }) readonly code: string | null;
  @ApiProperty({ enum: ['percentage', 'fixed-amount', 'free-shipping'] })
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  @ApiProperty({ type: MoneyResponse, description: 'All it took, lines and shipping' }) readonly amount: Money;
}

/** One thing that happened to an order, its money or its stock, oldest first. */
@ApiSchema({ name: 'TimelineEntryView' })
export class TimelineEntryResponse implements TimelineEntryView {
  @ApiProperty({
    example: 'payment_refunded',
    description:
      'pending, promotion_redeemed, stock_reserved, payment_authorized, confirmed, stock_committed, payment_captured, ' +
      'shipment_dispatched, partially_shipped, shipped, shipment_delivered, delivered, cancellation_requested, ' +
      'cancellation_refused, cancelled, refund_requested, payment_refunded, payment_voided, stock_released, stock_restocked, ' +
      'payment_refund_failed, payment_void_failed',
  })
  readonly status: string;
  @ApiProperty({ format: 'date-time' }) readonly at: string;
  @ApiPropertyOptional({ example: 'cancelled_by_customer' }) readonly reason?: string;
  @ApiPropertyOptional({
    type: MoneyResponse,
    description: 'The money the entry is about (e.g. how much was refunded)',
  })
  readonly amount?: Money;
}

/** What an order costs: total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal). */
@ApiSchema({ name: 'OrderTotalsView' })
export class OrderTotalsResponse {
  @ApiProperty({ type: MoneyResponse, description: 'The lines at the prices accepted, before discounts' })
  readonly subtotal: Money;
  @ApiProperty({ type: MoneyResponse, description: 'Everything promotions took, lines and shipping' })
  readonly discountTotal: Money;
  @ApiProperty({ type: MoneyResponse, description: 'The shipping price re-quoted at checkout (before its discount)' })
  readonly shippingTotal: Money;
  @ApiProperty({ type: MoneyResponse, description: 'Line and shipping tax; "of which tax" when taxIncluded' })
  readonly taxTotal: Money;
  @ApiProperty({ description: 'Prices include tax (taxTotal is not added again)' }) readonly taxIncluded: boolean;
  @ApiProperty({ type: MoneyResponse, description: 'Same as shippingTotal (its name before issue 19)' })
  readonly shipping: Money;
  @ApiProperty({ type: MoneyResponse, description: 'What the payment authorises and captures' })
  readonly total: Money;
  @ApiProperty({ example: 2 }) readonly itemCount: number;
}

/** The shipping method an order travels by. */
@ApiSchema({ name: 'OrderShippingMethodView' })
export class OrderShippingMethodResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'Standard' }) readonly name: string;
}

/** Where an order goes. */
@ApiSchema({ name: 'ShippingAddressView' })
export class ShippingAddressResponse {
  @ApiProperty({ example: 'Ada Lovelace' }) readonly name: string;
  @ApiProperty({ example: '1 Analytical Way' }) readonly line1: string;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly line2: string | null;
  @ApiProperty({ example: 'Berlin' }) readonly city: string;
  @ApiProperty({ example: '10115' }) readonly postalCode: string;
  @ApiProperty({ example: 'DE' }) readonly country: string;
}

/** The carrier the order's first parcel was handed to (all parcels: GET /shipping/orders/{id}/shipments). */
@ApiSchema({ name: 'ShipmentView' })
export class ShipmentResponse {
  @ApiProperty({ example: 'DHL' }) readonly carrier: string;
  @ApiProperty({ example: 'JD014600003828' }) readonly trackingNumber: string;
  @ApiProperty({ format: 'date-time' }) readonly shippedAt: string;
}

/** An order as its customer (or an admin) sees it. */
@ApiSchema({ name: 'OrderView' })
export class OrderResponse implements OrderView {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: ORDER_STATUSES }) readonly status: OrderStatus;
  @ApiProperty({ format: 'uuid' }) readonly customerId: string;
  @ApiProperty({ type: [OrderLineResponse] }) readonly lines: OrderLineResponse[];
  @ApiProperty({ type: OrderTotalsResponse }) readonly totals: OrderTotalsResponse;
  @ApiProperty({
    type: OrderShippingMethodResponse,
    nullable: true,
    description: 'Null when placed without a method (no shipping set up)',
  })
  readonly shippingMethod: OrderShippingMethodResponse | null;
  @ApiProperty({ type: OrderShippingPricingResponse, nullable: true, description: 'Null without a method' })
  readonly shippingPricing: OrderShippingPricingResponse | null;
  @ApiProperty({ type: [OrderPromotionResponse] }) readonly promotions: OrderPromotionResponse[];
  @ApiProperty({ type: [String], example: ['WELCOME10'] }) readonly promotionCodes: string[];
  @ApiProperty({ type: String, nullable: true, example: 'DE', description: 'Null when no tax was computed' })
  readonly taxCountry: string | null;
  @ApiProperty({ type: ShippingAddressResponse }) readonly shippingAddress: ShippingAddressResponse;
  @ApiProperty({ type: [TimelineEntryResponse] }) readonly timeline: TimelineEntryResponse[];
  @ApiPropertyOptional() readonly cancelReason?: string;
  @ApiPropertyOptional({ type: ShipmentResponse }) readonly shipment?: ShipmentResponse;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
}

/** A just placed order: its checkout goes on asynchronously. */
@ApiSchema({ name: 'PlacedOrderView' })
export class PlacedOrderResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: ['pending'], example: 'pending' }) readonly status: 'pending';
}

/** One line's part of a refund. */
@ApiSchema({ name: 'LineRefundView' })
export class LineRefundResponse implements LineRefundView {
  @ApiProperty({ example: 1 }) readonly lineNo: number;
  @ApiProperty({ example: 1 }) readonly units: number;
  @ApiProperty({ type: MoneyResponse, description: 'Paid back: after the discount, tax included' })
  readonly total: Money;
  @ApiProperty({ type: MoneyResponse, description: 'Of which tax' }) readonly tax: Money;
  @ApiProperty({ type: MoneyResponse, description: "The units' share of the discount (not paid back)" })
  readonly discount: Money;
}

/** A refund of order lines: payments refunds `total`. */
@ApiSchema({ name: 'OrderRefundView' })
export class OrderRefundResponse implements OrderRefundView {
  @ApiProperty({ format: 'uuid' }) readonly orderId: string;
  @ApiProperty({ type: [LineRefundResponse] }) readonly lines: LineRefundResponse[];
  @ApiProperty({ type: MoneyResponse }) readonly total: Money;
  @ApiProperty({ type: MoneyResponse }) readonly tax: Money;
}
