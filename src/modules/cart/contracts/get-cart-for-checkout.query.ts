import { Query, QueryContract, Money } from '../../../platform/messaging/contracts';

export interface CheckoutCartLine {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /**
   * The unit price the customer accepted (when adding or last changing the line, or through
   * `POST /carts/:id/accept-prices`): the only price checkout may charge. Catalog's current price
   * may differ (the cart shows `priceChanged`); checkout then refuses with `price-changed`.
   */
  readonly acceptedUnitPrice: Money;
}

/** The shipping method the customer chose for the cart, at the price they accepted. */
export interface CheckoutShippingMethod {
  readonly methodId: string;
  readonly name: string;
  /** The destination it was quoted for (ISO 3166-1 alpha-2); checkout re-quotes for the order's address. */
  readonly country: string;
  /** The quoted price the customer accepted, in minor units of the cart's currency. */
  readonly price: Money;
  /** The lines changed since the quote (checkout's re-quote decides whether the price still holds). */
  readonly stale: boolean;
}

/** What one promotion took off one line or off shipping (issue 19). */
export interface CheckoutPromotionShare {
  readonly promotionId: string;
  /** The code the customer applied; null for an automatic promotion. */
  readonly code: string | null;
  readonly amount: Money;
}

/**
 * One part of the priced cart (a line, or shipping), ADR 0107:
 * `total = amount − discount + (taxIncluded ? 0 : tax)`, all minor units of the cart's currency.
 */
export interface CheckoutPricedPart {
  /** Before discount: unit price × quantity for a line, the method's quoted price for shipping. */
  readonly amount: Money;
  /** Σ of `byPromotion`; never more than `amount`. */
  readonly discount: Money;
  /** Tax on `amount − discount`, rounded half-up on its own (ADR 0107 §4). */
  readonly tax: Money;
  /** The tax rate applied, in parts per million (190 000 = 19 %). */
  readonly taxRatePpm: number;
  readonly total: Money;
  readonly byPromotion: readonly CheckoutPromotionShare[];
}

/** A priced line; `lineId` is the line's variant id. */
export interface CheckoutPricedLine extends CheckoutPricedPart {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** A promotion that applies to the cart as priced. */
export interface CheckoutAppliedPromotion {
  readonly promotionId: string;
  readonly code: string | null;
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  /** All it takes, lines and shipping. */
  readonly amount: Money;
}

/** A code the cart holds that does not apply any more (expired, exhausted, ineligible…). */
export interface CheckoutPromotionRefusal {
  /** The refusal's problem type, e.g. `promotion-expired` (promotions' `PromotionRefusalView.type`). */
  readonly type: string;
  readonly code: string | null;
  readonly promotionId: string | null;
  readonly detail: string;
}

/**
 * The cart priced through promotions and tax for one destination (issue 19, ADR 0107): the totals
 * breakdown whose parts always sum to the whole,
 * `total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)`.
 */
export interface CheckoutPricing {
  /** The store's price mode is tax-inclusive: `taxTotal` reads "of which tax" and is not added. */
  readonly taxIncluded: boolean;
  /** The tax country (ISO 3166-1 alpha-2) the tax was computed for; null when tax was not computed (no country known). */
  readonly taxCountry: string | null;
  readonly subtotal: Money;
  readonly discountTotal: Money;
  readonly shippingTotal: Money;
  readonly taxTotal: Money;
  readonly total: Money;
  /** One per cart line, in the cart's line order. */
  readonly lines: readonly CheckoutPricedLine[];
  /** Null while no shipping method is chosen. */
  readonly shipping: CheckoutPricedPart | null;
  /** In selection order: codes as applied, then automatic promotions. */
  readonly promotions: readonly CheckoutAppliedPromotion[];
  /** Codes the cart holds that no longer apply; checkout refuses while any is here. */
  readonly refused: readonly CheckoutPromotionRefusal[];
}

export interface CheckoutCart {
  readonly cartId: string;
  readonly customerId: string;
  readonly lines: readonly CheckoutCartLine[];
  /** The lines at their accepted prices. */
  readonly subtotal: Money;
  /** The chosen shipping method; absent while none is chosen (added in issue 18, optional for older repliers). */
  readonly shippingMethod?: CheckoutShippingMethod;
  /** The promotion codes applied to the cart, in the order applied (issue 19; absent from older repliers = none). */
  readonly promotionCodes?: readonly string[];
  /**
   * The cart priced through promotions and tax for the query's `shippingCountry` (or, without one,
   * the shipping method's country, then the store's default tax country) and for the customer
   * (per-customer limits, first-order conditions). Absent from older repliers.
   */
  readonly pricing?: CheckoutPricing;
}

/** A customer's cart as checkout needs it: lines with the prices the customer accepted. Null when the cart does not exist or is not that customer's. */
@QueryContract(
  'cart.GetCartForCheckout',
  () => new GetCartForCheckout('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002', 'DE'),
)
export class GetCartForCheckout extends Query<CheckoutCart | null> {
  /** The order's shipping country (ISO 3166-1 alpha-2), for tax; absent when not known (issue 19). */
  declare readonly shippingCountry?: string;

  constructor(
    /** The cart. */
    readonly cartId: string,
    /** Who checks out; must own the cart. */
    readonly customerId: string,
    shippingCountry?: string,
  ) {
    super();
    // Only set when given: an undefined key is not JSON-safe (JSON drops it).
    if (shippingCountry !== undefined) this.shippingCountry = shippingCountry;
  }
}
