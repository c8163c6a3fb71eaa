import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import { isRatePpm } from '../../../platform/money';

/**
 * How the store's prices are configured (a store setting): `tax-exclusive` prices are net and tax is
 * added on top; `tax-inclusive` prices are what the customer pays and contain the tax. It applies to
 * every price the store sets: product prices, shipping prices and fixed discount amounts alike.
 */
export type PriceMode = 'tax-exclusive' | 'tax-inclusive';

/** The category of a product with none, and the one every country must rate. */
export const DEFAULT_TAX_CATEGORY = 'standard';

/** The tax rules of one destination country. Rates are integers of parts per million (19 % = 190 000). */
export interface CountryTaxRules {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** Tax category → rate. Holds `standard`; a product category the country does not list pays `standard`. */
  readonly rates: Readonly<Record<string, number>>;
  /** The category whose rate shipping pays, or `null` when shipping is not taxed in this country. */
  readonly shippingCategory: string | null;
}

/** The rate a category pays in a country: its own, or the country's standard rate if it has none. */
export function rateFor(rules: CountryTaxRules, category: string | null): number {
  const own = category !== null && Object.hasOwn(rules.rates, category) ? rules.rates[category] : undefined;
  return own ?? rules.rates[DEFAULT_TAX_CATEGORY];
}

/** The rate shipping pays in a country; 0 when the country does not tax shipping. */
export function shippingRate(rules: CountryTaxRules): number {
  return rules.shippingCategory === null ? 0 : rateFor(rules, rules.shippingCategory);
}

export interface RuleError {
  readonly field: string;
  readonly message: string;
}

const CATEGORY = /^[a-z][a-z0-9-]{0,31}$/;

/** What is wrong with a country's rules (admin CRUD answers 400 with these as field errors); empty when valid. */
export function countryTaxRulesErrors(rules: CountryTaxRules): RuleError[] {
  const errors: RuleError[] = [];
  // validator.js's ISO 3166-1 list: the one accounts checks addresses with, so every address has rules to find.
  if (!/^[A-Z]{2}$/.test(rules.country) || !isISO31661Alpha2(rules.country)) {
    errors.push({ field: 'country', message: 'must be an upper-case ISO 3166-1 alpha-2 code' });
  }
  for (const [category, rate] of Object.entries(rules.rates)) {
    if (!CATEGORY.test(category)) {
      errors.push({ field: `rates.${category}`, message: 'a category is 1–32 lower-case letters, digits or "-"' });
    }
    if (!isRatePpm(rate)) {
      errors.push({ field: `rates.${category}`, message: 'must be an integer from 0 to 1000000 ppm (100 %)' });
    }
  }
  if (!Object.hasOwn(rules.rates, DEFAULT_TAX_CATEGORY)) {
    errors.push({ field: `rates.${DEFAULT_TAX_CATEGORY}`, message: 'every country rates the standard category' });
  }
  if (rules.shippingCategory !== null && !Object.hasOwn(rules.rates, rules.shippingCategory)) {
    errors.push({ field: 'shippingCategory', message: 'must be one of the rated categories, or null' });
  }
  return errors;
}
