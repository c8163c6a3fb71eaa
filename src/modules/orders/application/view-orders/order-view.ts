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

export class TimelineEntryView {
  @ApiProperty() readonly status: string;
  @ApiProperty() readonly at: string;
  @ApiPropertyOptional() readonly reason?: string;
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
