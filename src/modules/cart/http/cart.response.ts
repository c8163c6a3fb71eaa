import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { CartItemView, CartShippingMethodView, CartView } from '../application/cart-view';
import type { CartTotals } from '../domain/cart';

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

/** The totals breakdown (ADR 0107): total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal). */
export class CartTotalsResponse implements CartTotals {
  @ApiProperty({ description: 'Prices include tax (then taxTotal is "of which tax")' }) readonly taxIncluded!: boolean;
  @ApiProperty({ type: MoneyResponse, description: 'The lines at their current prices' })
  readonly subtotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: '0 until promotions (issue 19)' })
  readonly discountTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: "The chosen method's accepted price; 0 with none" })
  readonly shippingTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: '0 until tax (issue 19)' }) readonly taxTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) readonly total!: MoneyResponse;
  @ApiProperty() readonly itemCount!: number;
}

export class CartShippingMethodResponse implements CartShippingMethodView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 'Standard' }) readonly name!: string;
  @ApiProperty({ example: 'DE', description: 'The destination it was quoted for (ISO 3166-1 alpha-2)' })
  readonly country!: string;
  @ApiProperty({ type: MoneyResponse, description: 'The quoted price the customer accepted' })
  readonly price!: MoneyResponse;
  @ApiProperty({
    description:
      'The lines changed since the quote: choose the method again to re-quote it (checkout refuses a price that changed)',
  })
  readonly stale!: boolean;
}

export class CartResponse implements CartView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly customerId!: string | null;
  @ApiProperty({ type: [CartItemResponse] }) readonly items!: CartItemResponse[];
  @ApiProperty({ type: CartShippingMethodResponse, nullable: true, description: 'Null while none is chosen' })
  readonly shippingMethod!: CartShippingMethodResponse | null;
  @ApiProperty({ type: CartTotalsResponse }) readonly totals!: CartTotalsResponse;
}
