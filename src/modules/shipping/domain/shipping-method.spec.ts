import { ShippingMethod, ruleFor, validateShippingMethod } from './shipping-method';

const method = (overrides: Partial<ShippingMethod> = {}): ShippingMethod => ({
  id: 'm1',
  zoneId: 'z1',
  name: 'Standard',
  enabled: true,
  priceRules: [
    { kind: 'flat', price: { amount: 490, currency: 'EUR' } },
    { kind: 'flat', price: { amount: 600, currency: 'JPY' } },
  ],
  estimate: { minDays: 2, maxDays: 4 },
  ...overrides,
});

describe('validateShippingMethod', () => {
  it('accepts a method with one rule per currency in a known zone', () => {
    expect(validateShippingMethod(method(), new Set(['z1']))).toEqual([]);
  });

  it('refuses a blank name, an unknown zone and no rules', () => {
    expect(validateShippingMethod(method({ name: '', zoneId: 'z9', priceRules: [] }), new Set(['z1']))).toEqual([
      { field: 'name', message: 'a method needs a name' },
      { field: 'zoneId', message: 'no such zone' },
      { field: 'priceRules', message: 'a method needs a price rule in at least one currency' },
    ]);
  });

  it('refuses two rules in one currency, naming the first', () => {
    const rules = [
      ...method().priceRules,
      { kind: 'free_above' as const, price: { amount: 1, currency: 'EUR' }, threshold: { amount: 9, currency: 'EUR' } },
    ];
    expect(validateShippingMethod(method({ priceRules: rules }))).toEqual([
      { field: 'priceRules[2]', message: 'EUR is already priced by priceRules[0]' },
    ]);
  });

  it('reports the errors of each rule under its index', () => {
    const rules = [method().priceRules[0], { kind: 'flat' as const, price: { amount: -5, currency: 'USD' } }];
    expect(validateShippingMethod(method({ priceRules: rules }))).toEqual([
      { field: 'priceRules[1].price.amount', message: 'must be a non-negative integer of minor units' },
    ]);
  });

  it('refuses an estimate whose minimum exceeds its maximum, or whose days are not whole', () => {
    expect(validateShippingMethod(method({ estimate: { minDays: 5, maxDays: 3 } }))).toEqual([
      { field: 'estimate', message: 'minDays must not exceed maxDays' },
    ]);
    expect(validateShippingMethod(method({ estimate: { minDays: -1, maxDays: 1.5 } }))).toEqual([
      { field: 'estimate.minDays', message: 'must be an integer of days from 0 to 365' },
      { field: 'estimate.maxDays', message: 'must be an integer of days from 0 to 365' },
    ]);
  });

  it('accepts same-day delivery (0–0 days)', () => {
    expect(validateShippingMethod(method({ estimate: { minDays: 0, maxDays: 0 } }))).toEqual([]);
  });
});

describe('ruleFor', () => {
  it('picks the rule in the cart’s currency, or none', () => {
    expect(ruleFor(method(), 'JPY')).toEqual({ kind: 'flat', price: { amount: 600, currency: 'JPY' } });
    expect(ruleFor(method(), 'USD')).toBeUndefined();
  });
});
