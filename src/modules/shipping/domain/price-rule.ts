import type { Money } from '../../../platform/money';
import { isKnownCurrency } from './iso-codes';
import { FieldError } from './shipping-domain-error';

/**
 * One weight band: parcels up to and including `upToGrams` cost `price`. The band's lower bound is
 * the previous band's `upToGrams` + 1 g (the first band starts at 0 g). `upToGrams: null` makes the
 * band open-ended; only the last band may be open. When the last band is bounded, heavier parcels
 * are NOT served by the method (it is not offered) — see ADR 0106.
 */
export interface WeightBand {
  readonly upToGrams: number | null;
  readonly price: Money;
}

/**
 * How a method prices a cart in one currency; every amount of a rule is in that one currency, in
 * integer minor units.
 *
 * - `flat`: always `price`.
 * - `free_above`: `price`, or 0 when the cart's discounted subtotal is ≥ `threshold` (ADR 0106: the
 *   subtotal AFTER discounts on goods, before shipping and its discounts, in the store's price mode).
 * - `weight_bands`: the price of the first band whose `upToGrams` is ≥ the cart's weight.
 */
export type PriceRule =
  | { readonly kind: 'flat'; readonly price: Money }
  | { readonly kind: 'free_above'; readonly price: Money; readonly threshold: Money }
  | { readonly kind: 'weight_bands'; readonly bands: readonly WeightBand[] };

/** What a rule prices: the cart's discounted subtotal (its currency is the cart's) and weight in grams. */
export interface PricedCart {
  /** `subtotal − discounts on goods` of the totals breakdown; never includes shipping or its discounts. */
  readonly discountedSubtotal: Money;
  /** Total weight of the cart's physical lines, integer grams ≥ 0. */
  readonly weightGrams: number;
}

export type RulePrice = { readonly priced: true; readonly price: Money } | { readonly priced: false };

/** The currency a rule prices in: that of its amounts (all the same once `validatePriceRule` passed). */
export function ruleCurrency(rule: PriceRule): string {
  return rule.kind === 'weight_bands' ? (rule.bands[0]?.price.currency ?? '') : rule.price.currency;
}

/**
 * The rule's price for the cart, or `{ priced: false }` when the cart is heavier than the last
 * bounded band. The cart must be in the rule's currency (callers pick the rule by currency).
 */
export function priceByRule(rule: PriceRule, cart: PricedCart): RulePrice {
  switch (rule.kind) {
    case 'flat':
      return { priced: true, price: rule.price };
    case 'free_above': {
      // After discounts on goods: a €60 cart with a 20 % code pays €48 and is under "free from €50".
      // The threshold guards the shop's margin, which is what the customer pays (ADR 0106).
      const free = cart.discountedSubtotal.amount >= rule.threshold.amount;
      return { priced: true, price: free ? { amount: 0, currency: rule.price.currency } : rule.price };
    }
    case 'weight_bands': {
      const band = rule.bands.find((b) => b.upToGrams === null || cart.weightGrams <= b.upToGrams);
      return band ? { priced: true, price: band.price } : { priced: false };
    }
  }
}

/**
 * The largest shipping price, in minor units: a product's largest price (catalog's
 * `MAX_PRICE_MINOR_UNITS`), so that a cart's subtotal (at most 100 lines of 99 units at that price)
 * plus its shipping stays far below 2^53 − 1 and every totals breakdown can be summed exactly. A
 * `free_above` threshold is only compared, never added, so it may be any safe integer.
 */
export const MAX_SHIPPING_PRICE_MINOR_UNITS = 1_000_000_000;

/**
 * Checks a rule's definition; `path` prefixes the fields (`priceRules[0]`). Problems: an unknown
 * kind; an amount that is not a non-negative safe integer of minor units, a price above
 * `MAX_SHIPPING_PRICE_MINOR_UNITS`; a currency that is not
 * ISO 4217 (`isKnownCurrency`) or differs from the rule's first amount's; a `free_above` threshold
 * of 0 (that is `flat` at 0); no bands, a band bound that is not a positive integer of grams, an open
 * band before the last, bands not in strictly increasing `upToGrams` (unsorted or overlapping).
 */
export function validatePriceRule(rule: PriceRule, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const amounts = moneyOf(rule);
  if (amounts === undefined) return [{ field: `${path}.kind`, message: 'kind is flat, free_above or weight_bands' }];
  const currency = amounts[0]?.[1].currency;
  for (const [field, money] of amounts) {
    if (!Number.isSafeInteger(money.amount) || money.amount < 0) {
      errors.push({ field: `${path}.${field}.amount`, message: 'must be a non-negative integer of minor units' });
    } else if (field !== 'threshold' && money.amount > MAX_SHIPPING_PRICE_MINOR_UNITS) {
      errors.push({
        field: `${path}.${field}.amount`,
        message: `a shipping price is at most ${MAX_SHIPPING_PRICE_MINOR_UNITS} minor units (a product's largest price)`,
      });
    }
    if (!isKnownCurrency(money.currency)) {
      errors.push({ field: `${path}.${field}.currency`, message: `${money.currency} is not an ISO 4217 currency` });
    } else if (money.currency !== currency) {
      errors.push({ field: `${path}.${field}.currency`, message: `every amount of a rule is in ${currency}` });
    }
  }
  if (rule.kind === 'free_above' && rule.threshold.amount === 0) {
    errors.push({ field: `${path}.threshold.amount`, message: 'a threshold of 0 is always free: use flat with 0' });
  }
  if (rule.kind === 'weight_bands') errors.push(...validateBands(rule.bands, path));
  return errors;
}

function moneyOf(rule: PriceRule): [string, Money][] | undefined {
  switch (rule.kind) {
    case 'flat':
      return [['price', rule.price]];
    case 'free_above':
      return [
        ['price', rule.price],
        ['threshold', rule.threshold],
      ];
    case 'weight_bands':
      return rule.bands.map((band, i) => [`bands[${i}].price`, band.price]);
    default:
      return undefined;
  }
}

function validateBands(bands: readonly WeightBand[], path: string): FieldError[] {
  if (bands.length === 0) return [{ field: `${path}.bands`, message: 'at least one weight band is needed' }];
  const errors: FieldError[] = [];
  let previous = 0;
  bands.forEach((band, i) => {
    const field = `${path}.bands[${i}].upToGrams`;
    const bound = band.upToGrams;
    if (bound === null) {
      if (i < bands.length - 1) errors.push({ field, message: 'only the last band may be open-ended (null)' });
    } else if (!Number.isSafeInteger(bound) || bound <= 0) {
      errors.push({ field, message: 'must be a positive integer of grams, or null for no limit' });
    } else if (bound <= previous) {
      const why = bound === previous ? 'overlaps the band before' : 'is below the band before';
      errors.push({ field, message: `${bound} g ${why}: bands are listed lightest first, each heavier` });
    } else {
      previous = bound;
    }
  });
  return errors;
}
