import { countryTaxRulesErrors, rateFor, shippingRate } from './tax-rules';

describe('country tax rules', () => {
  const france = { country: 'FR', rates: { standard: 200_000, reduced: 55_000 }, shippingCategory: 'standard' };

  it('rates a category, falling back to standard for one the country does not rate', () => {
    expect(rateFor(france, 'reduced')).toBe(55_000);
    expect(rateFor(france, null)).toBe(200_000);
    expect(rateFor(france, 'books')).toBe(200_000);
    expect(rateFor(france, 'constructor')).toBe(200_000);
    expect(shippingRate(france)).toBe(200_000);
    expect(shippingRate({ ...france, shippingCategory: null })).toBe(0);
  });

  it('accepts well-formed rules', () => {
    expect(countryTaxRulesErrors(france)).toEqual([]);
    expect(countryTaxRulesErrors({ country: 'HK', rates: { standard: 0 }, shippingCategory: null })).toEqual([]);
  });

  it('names every field that breaks a rule', () => {
    expect(
      countryTaxRulesErrors({ country: 'fr', rates: { Reduced: 55_000, zero: -1 }, shippingCategory: 'express' }).map(
        (e) => e.field,
      ),
    ).toEqual(['country', 'rates.Reduced', 'rates.zero', 'rates.standard', 'shippingCategory']);
    expect(countryTaxRulesErrors({ ...france, country: 'UK' }).map((e) => e.field)).toEqual(['country']);
    expect(countryTaxRulesErrors({ ...france, rates: { standard: 1_000_001 } }).map((e) => e.field)).toEqual([
      'rates.standard',
    ]);
  });
});
