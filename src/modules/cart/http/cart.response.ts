import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import type { PromotionShare, PricingSource } from '../application/cart-pricing';
import type {
  CartItemView,
  CartPromotionRefusalView,
  CartPromotionView,
  CartShippingMethodView,
  CartTotalsView,
  CartView,
} from '../application/cart-view';

/** What one promotion took off a line or off shipping. */
export class PromotionShareResponse implements PromotionShare {
  @ApiProperty({ format: 'uuid' }) readonly promotionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for an automatic promotion' })
  readonly code!: string | null;
  @ApiProperty({ type: MoneyResponse }) readonly amount!: MoneyResponse;
}

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
  @ApiProperty({ type: MoneyResponse, description: 'What promotions take off lineTotal' })
  readonly discount!: MoneyResponse;
  @ApiProperty({
    type: MoneyResponse,
    description: 'Tax on lineTotal − discount, half-up per line (inside it when taxIncluded)',
  })
  readonly tax!: MoneyResponse;
  @ApiProperty({ description: 'The tax rate applied, parts per million (190000 = 19 %)' }) readonly taxRatePpm!: number;
  @ApiProperty({ type: MoneyResponse, description: 'lineTotal − discount + (taxIncluded ? 0 : tax)' })
  readonly total!: MoneyResponse;
  @ApiProperty({ type: [PromotionShareResponse] }) readonly byPromotion!: PromotionShareResponse[];
}

/** The totals breakdown (ADR 0107): total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal). */
export class CartTotalsResponse implements CartTotalsView {
  @ApiProperty({ description: 'Prices include tax (then taxTotal is "of which tax")' }) readonly taxIncluded!: boolean;
  @ApiProperty({ type: MoneyResponse, description: 'The lines at their current prices' })
  readonly subtotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Σ line discounts + the shipping discount' })
  readonly discountTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: "The chosen method's accepted price; 0 with none" })
  readonly shippingTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Σ line tax + shipping tax ("of which" when taxIncluded)' })
  readonly taxTotal!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) readonly total!: MoneyResponse;
  @ApiProperty() readonly itemCount!: number;
  @ApiProperty({ type: String, nullable: true, example: 'DE', description: 'The country tax was computed for' })
  readonly taxCountry!: string | null;
}

/** A promotion that applies: one of the cart's discount lines. */
export class CartPromotionResponse implements CartPromotionView {
  @ApiProperty({ format: 'uuid' }) readonly promotionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for an automatic promotion' })
  readonly code!: string | null;
  @ApiProperty({ enum: ['percentage', 'fixed-amount', 'free-shipping'] })
  readonly benefit!: 'percentage' | 'fixed-amount' | 'free-shipping';
  @ApiProperty({ type: MoneyResponse, description: 'All it takes, lines and shipping' })
  readonly amount!: MoneyResponse;
}

/** Why a promotion does not apply; further fields (startsAt, endedAt, limit, condition…) depend on the type. */
export class CartPromotionRefusalResponse implements Pick<CartPromotionRefusalView, 'code' | 'promotionId' | 'detail'> {
  @ApiProperty({ example: 'promotion-expired' }) readonly type!: CartPromotionRefusalView['type'];
  @ApiProperty({ type: String, nullable: true }) readonly code!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) readonly promotionId!: string | null;
  @ApiProperty() readonly detail!: string;
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
  @ApiProperty({ type: MoneyResponse, description: 'What promotions take off the price (free shipping)' })
  readonly discount!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Tax on price − discount' }) readonly tax!: MoneyResponse;
  @ApiProperty() readonly taxRatePpm!: number;
  @ApiProperty({ type: MoneyResponse, description: 'price − discount + (taxIncluded ? 0 : tax)' })
  readonly total!: MoneyResponse;
  @ApiProperty({ type: [PromotionShareResponse] }) readonly byPromotion!: PromotionShareResponse[];
}

export class CartResponse implements CartView {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) readonly customerId!: string | null;
  @ApiProperty({ type: [CartItemResponse] }) readonly items!: CartItemResponse[];
  @ApiProperty({ type: CartShippingMethodResponse, nullable: true, description: 'Null while none is chosen' })
  readonly shippingMethod!: CartShippingMethodResponse | null;
  @ApiProperty({ type: [String], example: ['WELCOME10'], description: 'Codes applied, in order' })
  readonly promotionCodes!: string[];
  @ApiProperty({ type: [CartPromotionResponse], description: 'The promotions that apply: the discount lines' })
  readonly promotions!: CartPromotionResponse[];
  @ApiProperty({ type: [CartPromotionRefusalResponse], description: 'Codes held that do not apply now' })
  readonly refusedPromotions!: CartPromotionRefusalView[];
  @ApiProperty({ type: [CartPromotionRefusalResponse], description: 'Automatic promotions that do not apply, and why' })
  readonly promotionsLeftOut!: CartPromotionRefusalView[];
  @ApiProperty({ type: CartTotalsResponse }) readonly totals!: CartTotalsResponse;
  @ApiProperty({ description: 'Promotions or tax did not answer: the totals are without their part' })
  readonly pricingIncomplete!: boolean;
  @ApiProperty({ enum: ['promotions', 'tax'], isArray: true }) readonly pricingUnavailable!: PricingSource[];
}
