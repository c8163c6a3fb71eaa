import { Money, Query, QueryContract } from '../../../platform/messaging/contracts';

/** A line of a cart as a quote needs it: the variant (for its weight) and how many. */
export interface QuotedLine {
  readonly variantId: string;
  readonly quantity: number;
}

/** One way to ship the cart: a method that serves the destination, its price in the cart's currency, its estimate. */
export interface ShippingOption {
  readonly methodId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly price: Money;
  /** Whole days from dispatch to delivery. */
  readonly estimate: { readonly minDays: number; readonly maxDays: number };
}

export interface ShippingOptions {
  /** Cheapest first, then fastest; empty when nothing serves the destination, currency or weight. */
  readonly items: readonly ShippingOption[];
  /** The cart's weight the prices are for, in grams. */
  readonly weightGrams: number;
}

/**
 * The shipping methods available for a cart going to `country`, priced (ADR 0106): enabled methods of
 * every zone holding the country, with a rule in the subtotal's currency that can carry the cart's
 * weight. Answers a 400 problem for a malformed country, amount or line.
 */
@QueryContract(
  'shipping.GetShippingOptions',
  () =>
    new GetShippingOptions('DE', { amount: 4999, currency: 'EUR' }, [
      { variantId: '0190a000-0000-7000-8000-000000000001', quantity: 2 },
    ]),
)
export class GetShippingOptions extends Query<ShippingOptions> {
  constructor(
    /** ISO 3166-1 alpha-2, upper case. */
    readonly country: string,
    /** The cart's subtotal after discounts on goods (never shipping's); its currency is the cart's. */
    readonly discountedSubtotal: Money,
    /** The cart's lines (their variants' weights are summed). */
    readonly lines: readonly QuotedLine[],
  ) {
    super();
  }
}
