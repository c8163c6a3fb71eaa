import type { Money } from '../../../platform/money';
import { isKnownCurrency } from './iso-codes';
import { PricedCart, priceByRule } from './price-rule';
import { DeliveryEstimate, ShippingMethod, ruleFor } from './shipping-method';
import { FieldError, ShippingDomainError, ShippingErrorCode } from './shipping-domain-error';
import { Zone, zoneServes } from './zone';

/**
 * What a quote needs to know of a cart: where it goes (ISO 3166-1 alpha-2), its discounted subtotal
 * (the cart's currency is this amount's currency) and its total weight in grams. See `PricedCart`.
 */
export interface CartContext extends PricedCart {
  readonly country: string;
}

/** One offer: a method that serves the destination and its price for this cart, in the cart's currency. */
export interface ShippingQuote {
  readonly methodId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly price: Money;
  readonly estimate: DeliveryEstimate;
}

/**
 * The methods a cart can be shipped with, cheapest first (then fastest by `maxDays`, `minDays`, then
 * by name and id, so the order never depends on the input's). A method is offered when it is enabled,
 * its zone contains the destination, it has a rule in the cart's currency and that rule can price the
 * cart's weight. Methods whose zone is not in `zones` are not offered.
 *
 * @throws ShippingDomainError `invalid-cart-context` when the cart context is malformed.
 */
export function quoteShipping(
  cart: CartContext,
  methods: readonly ShippingMethod[],
  zones: readonly Zone[],
): ShippingQuote[] {
  assertCartContext(cart);
  const zonesById = new Map(zones.map((zone) => [zone.id, zone]));
  return methods
    .map((method) => quoteOne(method, zonesById.get(method.zoneId), cart))
    .filter((result): result is ShippingQuote => !('refusal' in result))
    .sort(byOffer);
}

/**
 * The quote of the method the customer chose, for the cart as it is now.
 *
 * @throws ShippingDomainError `shipping-method-unavailable` (unknown or disabled method),
 *   `shipping-method-not-serving-destination`, `shipping-method-currency-unsupported`,
 *   `shipping-method-weight-exceeded` (all → 409), `invalid-cart-context`.
 */
export function quoteMethod(
  methodId: string,
  cart: CartContext,
  methods: readonly ShippingMethod[],
  zones: readonly Zone[],
): ShippingQuote {
  assertCartContext(cart);
  const method = methods.find((m) => m.id === methodId);
  if (!method) throw new ShippingDomainError('shipping-method-unavailable', 'No such shipping method.', { methodId });
  const result = quoteOne(
    method,
    zones.find((zone) => zone.id === method.zoneId),
    cart,
  );
  if ('refusal' in result) throw new ShippingDomainError(result.refusal, result.message, { methodId, ...result.facts });
  return result;
}

/**
 * The checkout's re-quote: the chosen method must still serve the cart at exactly the price the
 * customer accepted (same amount and currency), like product prices.
 *
 * @throws ShippingDomainError `shipping-price-changed` (details: `acceptedPrice`, `currentPrice`), or any
 *   error of `quoteMethod`.
 */
export function requoteAccepted(
  accepted: { readonly methodId: string; readonly price: Money },
  cart: CartContext,
  methods: readonly ShippingMethod[],
  zones: readonly Zone[],
): ShippingQuote {
  const current = quoteMethod(accepted.methodId, cart, methods, zones);
  if (current.price.amount !== accepted.price.amount || current.price.currency !== accepted.price.currency) {
    throw new ShippingDomainError('shipping-price-changed', 'The shipping price changed since it was accepted.', {
      methodId: accepted.methodId,
      acceptedPrice: accepted.price,
      currentPrice: current.price,
    });
  }
  return current;
}

type Refusal = {
  readonly refusal: ShippingErrorCode;
  readonly message: string;
  readonly facts?: Readonly<Record<string, unknown>>;
};

function quoteOne(method: ShippingMethod, zone: Zone | undefined, cart: CartContext): ShippingQuote | Refusal {
  if (!method.enabled || !zone) {
    return { refusal: 'shipping-method-unavailable', message: 'The shipping method is not available.' };
  }
  if (!zoneServes(zone, cart.country)) {
    return {
      refusal: 'shipping-method-not-serving-destination',
      message: `The shipping method does not deliver to ${cart.country}.`,
      facts: { country: cart.country },
    };
  }
  const currency = cart.discountedSubtotal.currency;
  const rule = ruleFor(method, currency);
  if (!rule) {
    return {
      refusal: 'shipping-method-currency-unsupported',
      message: `The shipping method has no price in ${currency}.`,
      facts: { currency },
    };
  }
  const priced = priceByRule(rule, cart);
  if (!priced.priced) {
    return {
      refusal: 'shipping-method-weight-exceeded',
      message: `The shipping method does not carry parcels of ${cart.weightGrams} g.`,
      facts: { weightGrams: cart.weightGrams },
    };
  }
  return { methodId: method.id, zoneId: zone.id, name: method.name, price: priced.price, estimate: method.estimate };
}

function byOffer(a: ShippingQuote, b: ShippingQuote): number {
  return (
    a.price.amount - b.price.amount ||
    a.estimate.maxDays - b.estimate.maxDays ||
    a.estimate.minDays - b.estimate.minDays ||
    compareText(a.name, b.name) ||
    compareText(a.methodId, b.methodId)
  );
}

/** Code-unit order: the same on every machine and ICU version, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertCartContext(cart: CartContext): void {
  const errors: FieldError[] = [];
  if (!/^[A-Z]{2}$/.test(cart.country)) {
    errors.push({ field: 'country', message: 'must be an upper-case ISO 3166-1 alpha-2 code such as DE' });
  }
  const { amount, currency } = cart.discountedSubtotal;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    errors.push({ field: 'discountedSubtotal.amount', message: 'must be a non-negative integer of minor units' });
  }
  if (!isKnownCurrency(currency)) {
    errors.push({ field: 'discountedSubtotal.currency', message: `${currency} is not an ISO 4217 currency` });
  }
  if (!Number.isSafeInteger(cart.weightGrams) || cart.weightGrams < 0) {
    errors.push({ field: 'weightGrams', message: 'must be a non-negative integer of grams' });
  }
  if (errors.length > 0)
    throw new ShippingDomainError('invalid-cart-context', 'The cart cannot be quoted.', { errors });
}
