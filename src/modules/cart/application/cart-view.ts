import { Money } from '../../../platform/messaging';
import type { PromotionRefusalView } from '../../promotions';
import { Cart, CartTotals } from '../domain/cart';
import { lineTotal, priceChanged } from '../domain/cart-line';
import { PricedCart, PricingSource, PromotionShare } from './cart-pricing';

export interface CartItemView {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
  /** True when the price moved since the customer added (or last changed) the line. */
  readonly priceChanged: boolean;
  /** The price the customer saw when adding the line; present only when it changed. */
  readonly previousUnitPrice?: Money;
  /** What promotions take off `lineTotal` (never more). */
  readonly discount: Money;
  /** Tax on `lineTotal − discount`, rounded half-up per line; inside it when `totals.taxIncluded`. */
  readonly tax: Money;
  /** The tax rate applied, in parts per million (190 000 = 19 %). */
  readonly taxRatePpm: number;
  /** `lineTotal − discount + (taxIncluded ? 0 : tax)`. */
  readonly total: Money;
  /** What each promotion took off this line (Σ = `discount`). */
  readonly byPromotion: readonly PromotionShare[];
}

/** The shipping method the customer chose, at the price they accepted. */
export interface CartShippingMethodView {
  readonly id: string;
  readonly name: string;
  /** The destination it was quoted for (ISO 3166-1 alpha-2). */
  readonly country: string;
  /** The quoted price the customer accepted (in `totals.shippingTotal` while the cart has lines). */
  readonly price: Money;
  /**
   * The lines changed since the quote, so the price may not be current: choose the method again
   * (`PUT /carts/:id/shipping-method`) to re-quote it. Checkout re-quotes it and refuses another price.
   */
  readonly stale: boolean;
  /** What promotions take off the price (free shipping: all of it); 0 while the cart has no lines. */
  readonly discount: Money;
  /** Tax on `price − discount` (0 where the country does not tax shipping). */
  readonly tax: Money;
  readonly taxRatePpm: number;
  /** `price − discount + (taxIncluded ? 0 : tax)`; 0 while nothing ships. */
  readonly total: Money;
  readonly byPromotion: readonly PromotionShare[];
}

/** A promotion that applies to the cart: a discount line of the cart. */
export interface CartPromotionView {
  readonly promotionId: string;
  /** The code the customer applied; null for an automatic promotion. */
  readonly code: string | null;
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  /** All it takes off the lines and shipping, in minor units of the cart's currency. */
  readonly amount: Money;
}

/** Why a promotion does not apply (promotions' refusal: `type` is the problem type, e.g. `promotion-expired`). */
export type CartPromotionRefusalView = PromotionRefusalView;

/** The totals breakdown (ADR 0107) and where tax was computed for. */
export interface CartTotalsView extends CartTotals {
  /** The country tax was computed for (the chosen shipping method's, else the store's default); null: none. */
  readonly taxCountry: string | null;
}

export interface CartView {
  readonly id: string;
  readonly customerId: string | null;
  readonly items: readonly CartItemView[];
  /** Null while no method is chosen. */
  readonly shippingMethod: CartShippingMethodView | null;
  /** The codes applied, in the order applied (upper case); each is in `promotions` or `refusedPromotions`. */
  readonly promotionCodes: readonly string[];
  /** The promotions that apply (codes, then automatic ones) and what each takes: the cart's discount lines. */
  readonly promotions: readonly CartPromotionView[];
  /** Codes the cart holds that do not apply now (checkout refuses while any is here: remove it). */
  readonly refusedPromotions: readonly CartPromotionRefusalView[];
  /** Automatic promotions that do not apply (not eligible, or not combinable with a code), and why. */
  readonly promotionsLeftOut: readonly CartPromotionRefusalView[];
  readonly totals: CartTotalsView;
  /**
   * True when promotions or tax did not answer (`pricingUnavailable` says which): the totals are then
   * shown without that module's part (no discount, or no tax) and will change once it answers.
   */
  readonly pricingIncomplete: boolean;
  readonly pricingUnavailable: readonly PricingSource[];
}

/** The cart as the API shows it, priced by `CartPricing` at the lines' current prices; all minor units. */
export function toCartView(cart: Cart, priced: PricedCart): CartView {
  const { breakdown } = priced;
  const pricedLines = new Map(breakdown.lines.map((line, i) => [line.lineId, { line, extras: priced.lines[i] }]));
  const zero = (currency: string): Money => ({ amount: 0, currency });
  const shipping = breakdown.shipping;
  return {
    id: cart.id,
    customerId: cart.customerId,
    items: cart.lines.map((line) => {
      const found = pricedLines.get(line.id);
      const total = lineTotal(line);
      return {
        id: line.id,
        variantId: line.variantId,
        productId: line.productId,
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: total,
        priceChanged: priceChanged(line),
        ...(priceChanged(line) ? { previousUnitPrice: line.acceptedUnitPrice } : {}),
        // A line in another currency than the cart's is left out of the totals: nothing off, no tax.
        discount: found?.line.discount ?? zero(total.currency),
        tax: found?.line.tax ?? zero(total.currency),
        taxRatePpm: found?.extras.taxRatePpm ?? 0,
        total: found?.line.total ?? total,
        byPromotion: found?.extras.byPromotion ?? [],
      };
    }),
    shippingMethod: cart.shipping && {
      id: cart.shipping.methodId,
      name: cart.shipping.name,
      country: cart.shipping.country,
      price: cart.shipping.price,
      stale: cart.shipping.stale,
      discount: shipping.discount,
      tax: shipping.tax,
      taxRatePpm: priced.shipping?.taxRatePpm ?? 0,
      total: shipping.total,
      byPromotion: priced.shipping?.byPromotion ?? [],
    },
    promotionCodes: cart.promotionCodes,
    promotions: priced.applied.map((p) => ({
      promotionId: p.promotionId,
      code: p.code,
      benefit: p.benefit,
      amount: p.amount,
    })),
    refusedPromotions: priced.refused,
    promotionsLeftOut: priced.leftOut,
    totals: {
      taxIncluded: breakdown.taxIncluded,
      subtotal: breakdown.subtotal,
      discountTotal: breakdown.discountTotal,
      shippingTotal: breakdown.shippingTotal,
      taxTotal: breakdown.taxTotal,
      total: breakdown.total,
      itemCount: cart.itemCount,
      taxCountry: priced.taxCountry,
    },
    pricingIncomplete: priced.unavailable.length > 0,
    pricingUnavailable: priced.unavailable,
  };
}
