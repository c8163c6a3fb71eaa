import { Money, Query, QueryContract } from '../../../platform/messaging/contracts';
import { QuotedLine, ShippingOption } from './get-shipping-options.query';

/** A chosen method's quote, or why it cannot ship the cart (a business outcome, not an error). */
export interface ShippingMethodQuote {
  /** Null when refused. */
  readonly quote: ShippingOption | null;
  /**
   * Why not: `shipping-method-unavailable`, `shipping-method-not-serving-destination`,
   * `shipping-method-currency-unsupported`, `shipping-method-weight-exceeded`, or
   * `shipping-price-changed` (with `acceptedPrice` given and not the current price; `quote` is then the
   * current one). The caller answers 409 with it.
   */
  readonly refusal: { readonly code: string; readonly detail: string } | null;
}

/**
 * Quotes the method a customer chose for a cart (the cart's choice, and checkout's re-quote): with
 * `acceptedPrice`, a price other than exactly that one is refused as `shipping-price-changed`, like
 * product prices. Answers a 400 problem for a malformed country, amount or line.
 */
@QueryContract(
  'shipping.QuoteShippingMethod',
  () =>
    new QuoteShippingMethod(
      '0190a000-0000-7000-8000-000000000002',
      'DE',
      { amount: 4999, currency: 'EUR' },
      [{ variantId: '0190a000-0000-7000-8000-000000000001', quantity: 2 }],
      { amount: 490, currency: 'EUR' },
    ),
)
export class QuoteShippingMethod extends Query<ShippingMethodQuote> {
  constructor(
    /** The chosen method. */
    readonly methodId: string,
    /** ISO 3166-1 alpha-2, upper case. */
    readonly country: string,
    /** The cart's subtotal after discounts on goods. */
    readonly discountedSubtotal: Money,
    readonly lines: readonly QuotedLine[],
    /** The price the customer accepted, or null. */
    readonly acceptedPrice: Money | null = null,
  ) {
    super();
  }
}
