import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '../../../../platform/messaging';
import type { OrderStatus } from '../../domain/order';
import type { ShippingAddressColumn } from '../../infrastructure/order.orm-entity';

export class MoneyView {
  @ApiProperty({ example: 1999 }) readonly amount: number;
  @ApiProperty({ example: 'EUR' }) readonly currency: string;
}

export class OrderLineView {
  @ApiProperty() readonly productId: string;
  @ApiProperty() readonly variantId: string;
  @ApiProperty() readonly sku: string;
  @ApiProperty() readonly title: string;
  @ApiProperty() readonly quantity: number;
  @ApiProperty({ type: MoneyView }) readonly unitPrice: Money;
  @ApiProperty({ type: MoneyView }) readonly lineTotal: Money;
}

/** One thing that happened to an order, its money or its stock, oldest first. */
export class TimelineEntryView {
  @ApiProperty({
    example: 'payment_refunded',
    description:
      'pending, stock_reserved, payment_authorized, confirmed, stock_committed, payment_captured, shipped, ' +
      'cancellation_requested, cancelled, payment_refunded, payment_voided, stock_released, stock_restocked, ' +
      'payment_refund_failed, payment_void_failed',
  })
  readonly status: string;
  @ApiProperty() readonly at: string;
  @ApiPropertyOptional({ example: 'cancelled_by_customer' }) readonly reason?: string;
  @ApiPropertyOptional({ type: MoneyView, description: 'The money the entry is about (e.g. how much was refunded)' })
  readonly amount?: Money;
}

export class OrderView {
  @ApiProperty() readonly id: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'shipped', 'cancelled'] }) readonly status: OrderStatus;
  @ApiProperty() readonly customerId: string;
  @ApiProperty({ type: [OrderLineView] }) readonly lines: OrderLineView[];
  @ApiProperty() readonly totals: { subtotal: Money; total: Money; itemCount: number };
  @ApiProperty() readonly shippingAddress: ShippingAddressColumn;
  @ApiProperty({ type: [TimelineEntryView] }) readonly timeline: TimelineEntryView[];
  @ApiPropertyOptional() readonly cancelReason?: string;
  @ApiPropertyOptional() readonly shipment?: { carrier: string; trackingNumber: string; shippedAt: string };
  @ApiProperty() readonly createdAt: string;
}
