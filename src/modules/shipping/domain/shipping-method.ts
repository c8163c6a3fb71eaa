import { PriceRule, ruleCurrency, validatePriceRule } from './price-rule';
import { FieldError } from './shipping-domain-error';

/** Longest delivery estimate a method may state, in days. */
export const MAX_ESTIMATE_DAYS = 365;

/** How long delivery takes once dispatched, in days (as the shop states it, e.g. "2–4 business days"). */
export interface DeliveryEstimate {
  readonly minDays: number;
  readonly maxDays: number;
}

/**
 * A way of shipping to one zone: at most one price rule per currency (a cart in a currency without a
 * rule is not offered the method) and a delivery estimate. A disabled method is never quoted.
 */
export interface ShippingMethod {
  readonly id: string;
  readonly zoneId: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly priceRules: readonly PriceRule[];
  readonly estimate: DeliveryEstimate;
}

/** The method's rule in `currency`, if it has one. */
export function ruleFor(method: ShippingMethod, currency: string): PriceRule | undefined {
  return method.priceRules.find((rule) => ruleCurrency(rule) === currency);
}

/**
 * Checks a method definition; returns field errors (empty when valid): a blank name, a zone that is
 * not among `zoneIds` (when given), no price rules, two rules in one currency, every problem of each
 * rule (`priceRules[i]…`, see `validatePriceRule`), an estimate whose days are not integers in
 * 0…`MAX_ESTIMATE_DAYS` or whose `minDays` exceeds `maxDays`.
 */
export function validateShippingMethod(
  method: Omit<ShippingMethod, 'id'>,
  zoneIds?: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!method.name.trim()) errors.push({ field: 'name', message: 'a method needs a name' });
  if (zoneIds && !zoneIds.has(method.zoneId)) errors.push({ field: 'zoneId', message: 'no such zone' });
  if (method.priceRules.length === 0) {
    errors.push({ field: 'priceRules', message: 'a method needs a price rule in at least one currency' });
  }
  const firstOfCurrency = new Map<string, number>();
  method.priceRules.forEach((rule, i) => {
    const ruleErrors = validatePriceRule(rule, `priceRules[${i}]`);
    errors.push(...ruleErrors);
    if (ruleErrors.length > 0) return;
    const currency = ruleCurrency(rule);
    const first = firstOfCurrency.get(currency);
    if (first === undefined) firstOfCurrency.set(currency, i);
    else errors.push({ field: `priceRules[${i}]`, message: `${currency} is already priced by priceRules[${first}]` });
  });
  const { minDays, maxDays } = method.estimate;
  for (const [field, days] of [
    ['minDays', minDays],
    ['maxDays', maxDays],
  ] as const) {
    if (!Number.isInteger(days) || days < 0 || days > MAX_ESTIMATE_DAYS) {
      errors.push({ field: `estimate.${field}`, message: `must be an integer of days from 0 to ${MAX_ESTIMATE_DAYS}` });
    }
  }
  if (minDays > maxDays) errors.push({ field: 'estimate', message: 'minDays must not exceed maxDays' });
  return errors;
}
