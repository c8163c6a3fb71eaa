import { PriceRule } from './price-rule';
import { CartContext, quoteMethod, quoteShipping, requoteAccepted } from './quotes';
import { ShippingMethod } from './shipping-method';
import { ShippingDomainError } from './shipping-domain-error';
import { Zone } from './zone';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const zones: Zone[] = [
  { id: 'eu', name: 'EU', countries: ['DE', 'FR', 'AT'] },
  { id: 'de', name: 'Germany', countries: ['DE'] },
  { id: 'world', name: 'World', countries: ['US', 'JP'] },
];
const method = (
  id: string,
  zoneId: string,
  rule: PriceRule,
  overrides: Partial<ShippingMethod> = {},
): ShippingMethod => ({
  id,
  zoneId,
  name: id,
  enabled: true,
  priceRules: [rule],
  estimate: { minDays: 2, maxDays: 5 },
  ...overrides,
});
const methods: ShippingMethod[] = [
  method('standard', 'eu', { kind: 'free_above', price: eur(590), threshold: eur(5000) }),
  method('express', 'de', { kind: 'flat', price: eur(1290) }, { estimate: { minDays: 1, maxDays: 1 } }),
  method('parcel', 'eu', {
    kind: 'weight_bands',
    bands: [
      { upToGrams: 2000, price: eur(490) },
      { upToGrams: 10000, price: eur(890) },
    ],
  }),
  method('courier', 'de', { kind: 'flat', price: eur(1290) }, { estimate: { minDays: 1, maxDays: 2 } }),
  method('paused', 'de', { kind: 'flat', price: eur(1) }, { enabled: false }),
  method('intl', 'world', { kind: 'flat', price: eur(2490) }),
  method('yen-only', 'eu', { kind: 'flat', price: { amount: 800, currency: 'JPY' } }),
];
const cart = (overrides: Partial<CartContext> = {}): CartContext => ({
  country: 'DE',
  discountedSubtotal: eur(3000),
  weightGrams: 1500,
  ...overrides,
});

function refusal(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof ShippingDomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a ShippingDomainError');
}

describe('quoteShipping', () => {
  it('offers the enabled methods of every zone holding the destination, cheapest then fastest first', () => {
    expect(quoteShipping(cart(), methods, zones).map((q) => [q.methodId, q.price.amount])).toEqual([
      ['parcel', 490],
      ['standard', 590],
      ['express', 1290],
      ['courier', 1290],
    ]);
  });

  it('carries the zone, the name, the price in the cart’s currency and the estimate', () => {
    expect(quoteShipping(cart({ country: 'AT' }), methods, zones)).toEqual([
      { methodId: 'parcel', zoneId: 'eu', name: 'parcel', price: eur(490), estimate: { minDays: 2, maxDays: 5 } },
      { methodId: 'standard', zoneId: 'eu', name: 'standard', price: eur(590), estimate: { minDays: 2, maxDays: 5 } },
    ]);
  });

  it('leaves out a method too heavy for its bands, and one without a rule in the cart’s currency', () => {
    const ids = quoteShipping(cart({ weightGrams: 10001 }), methods, zones).map((q) => q.methodId);
    expect(ids).toEqual(['standard', 'express', 'courier']);
    expect(quoteShipping(cart({ discountedSubtotal: { amount: 5000, currency: 'JPY' } }), methods, zones)).toEqual([
      expect.objectContaining({ methodId: 'yen-only', price: { amount: 800, currency: 'JPY' } }),
    ]);
  });

  it('offers nothing to a destination no zone holds', () => {
    expect(quoteShipping(cart({ country: 'BR' }), methods, zones)).toEqual([]);
  });

  it('leaves out a method whose zone is missing', () => {
    expect(quoteShipping(cart({ country: 'US' }), methods, zones.slice(0, 2))).toEqual([]);
  });

  it('refuses a malformed cart context with field errors', () => {
    expect(refusal(() => quoteShipping(cart({ country: 'de', weightGrams: -1 }), methods, zones))).toEqual({
      code: 'invalid-cart-context',
      details: {
        errors: [
          { field: 'country', message: 'must be an upper-case ISO 3166-1 alpha-2 code such as DE' },
          { field: 'weightGrams', message: 'must be a non-negative integer of grams' },
        ],
      },
    });
  });
});

describe('quoteMethod', () => {
  it('quotes the chosen method', () => {
    expect(quoteMethod('standard', cart({ discountedSubtotal: eur(5000) }), methods, zones).price).toEqual(eur(0));
  });

  it('refuses a method that does not serve the destination (a 409)', () => {
    expect(refusal(() => quoteMethod('express', cart({ country: 'FR' }), methods, zones))).toEqual({
      code: 'shipping-method-not-serving-destination',
      details: { methodId: 'express', country: 'FR' },
    });
  });

  it('refuses an unknown or disabled method, a currency it does not price, a parcel too heavy', () => {
    expect(refusal(() => quoteMethod('nope', cart(), methods, zones)).code).toBe('shipping-method-unavailable');
    expect(refusal(() => quoteMethod('paused', cart(), methods, zones)).code).toBe('shipping-method-unavailable');
    expect(
      refusal(() =>
        quoteMethod('standard', cart({ discountedSubtotal: { amount: 1, currency: 'USD' } }), methods, zones),
      ),
    ).toEqual({
      code: 'shipping-method-currency-unsupported',
      details: { methodId: 'standard', currency: 'USD' },
    });
    expect(refusal(() => quoteMethod('parcel', cart({ weightGrams: 10001 }), methods, zones))).toEqual({
      code: 'shipping-method-weight-exceeded',
      details: { methodId: 'parcel', weightGrams: 10001 },
    });
  });
});

describe('requoteAccepted', () => {
  it('returns the quote when the price is the accepted one', () => {
    expect(requoteAccepted({ methodId: 'standard', price: eur(590) }, cart(), methods, zones).price).toEqual(eur(590));
  });

  it('refuses a price that changed since the customer accepted it', () => {
    // Accepted while the cart was above the threshold; a removed line put it below.
    expect(refusal(() => requoteAccepted({ methodId: 'standard', price: eur(0) }, cart(), methods, zones))).toEqual({
      code: 'shipping-price-changed',
      details: { methodId: 'standard', acceptedPrice: eur(0), currentPrice: eur(590) },
    });
  });

  it('refuses when the method stopped serving the cart', () => {
    const paused = methods.map((m) => (m.id === 'express' ? { ...m, enabled: false } : m));
    expect(refusal(() => requoteAccepted({ methodId: 'express', price: eur(1290) }, cart(), paused, zones)).code).toBe(
      'shipping-method-unavailable',
    );
  });
});
