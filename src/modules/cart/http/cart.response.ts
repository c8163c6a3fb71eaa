import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { CartItemView, CartView } from '../application/cart-view';

export class CartItemResponse implements CartItemView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly variantId!: string;
  @ApiProperty({ format: 'uuid' }) readonly productId!: string;
  @ApiProperty() readonly sku!: string;
  @ApiProperty() readonly title!: string;
  @ApiProperty({ minimum: 1, maximum: 99 }) readonly quantity!: number;
  @ApiProperty({ type: MoneyResponse }) readonly unitPrice!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) readonly lineTotal!: MoneyResponse;
  @ApiProperty({ description: 'The price changed since the line was added or last changed' })
  readonly priceChanged!: boolean;
  @ApiPropertyOptional({ type: MoneyResponse, description: 'The price when added; only when it changed' })
  readonly previousUnitPrice?: MoneyResponse;
}

export class CartTotalsResponse {
  @ApiProperty({ type: MoneyResponse }) readonly subtotal!: MoneyResponse;
  @ApiProperty() readonly itemCount!: number;
}

export class CartResponse implements CartView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly customerId!: string | null;
  @ApiProperty({ type: [CartItemResponse] }) readonly items!: CartItemResponse[];
  @ApiProperty({ type: CartTotalsResponse }) readonly totals!: CartTotalsResponse;
}
