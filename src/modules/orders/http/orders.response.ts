import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { Money } from '../../../platform/messaging';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';
import type { OrderLineView, OrderView, TimelineEntryView } from '../application/view-orders/order-view';

// The schemas keep the names the API has always published (`OrderView`…): they are part of its contract.

/** A line of an order. */
@ApiSchema({ name: 'OrderLineView' })
export class OrderLineResponse implements OrderLineView {
  @ApiProperty({ format: 'uuid' }) readonly productId: string;
  @ApiProperty({ format: 'uuid' }) readonly variantId: string;
  @ApiProperty({ example: 'TEE-M' }) readonly sku: string;
  @ApiProperty({ example: 'Organic cotton tee – Medium' }) readonly title: string;
  @ApiProperty({ example: 2 }) readonly quantity: number;
  @ApiProperty({ type: MoneyResponse }) readonly unitPrice: Money;
  @ApiProperty({ type: MoneyResponse }) readonly lineTotal: Money;
}

/** One thing that happened to an order, its money or its stock, oldest first. */
@ApiSchema({ name: 'TimelineEntryView' })
export class TimelineEntryResponse implements TimelineEntryView {
  @ApiProperty({
    example: 'payment_refunded',
    description:
      'pending, stock_reserved, payment_authorized, confirmed, stock_committed, payment_captured, ' +
      'shipment_dispatched, partially_shipped, shipped, shipment_delivered, delivered, cancellation_requested, ' +
      'cancellation_refused, cancelled, payment_refunded, payment_voided, stock_released, stock_restocked, ' +
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

/** What an order costs: total = subtotal + shipping. */
@ApiSchema({ name: 'OrderTotalsView' })
export class OrderTotalsResponse {
  @ApiProperty({ type: MoneyResponse, description: 'The lines at the prices paid' }) readonly subtotal: Money;
  @ApiProperty({ type: MoneyResponse, description: 'The shipping price re-quoted at checkout; 0 without a method' })
  readonly shipping: Money;
  @ApiProperty({ type: MoneyResponse, description: 'subtotal + shipping: what the payment captures' })
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
