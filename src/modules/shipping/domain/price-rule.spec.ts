import { PriceRule, priceByRule, ruleCurrency, validatePriceRule } from './price-rule';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const cart = (subtotal: number, weightGrams = 500) => ({ discountedSubtotal: eur(subtotal), weightGrams });

const bands: PriceRule = {
  kind: 'weight_bands',
  bands: [
    { upToGrams: 1000, price: eur(490) },
    { upToGrams: 5000, price: eur(990) },
    { upToGrams: 20000, price: eur(1990) },
  ],
};

describe('priceByRule', () => {
  it('charges a flat price whatever the cart', () => {
    expect(priceByRule({ kind: 'flat', price: eur(499) }, cart(1, 999_999))).toEqual({ priced: true, price: eur(499) });
  });

  it('makes free_above free from the threshold on (after discounts), not one cent below', () => {
    const rule: PriceRule = { kind: 'free_above', price: eur(590), threshold: eur(5000) };
    expect(priceByRule(rule, cart(4999))).toEqual({ priced: true, price: eur(590) });
    expect(priceByRule(rule, cart(5000))).toEqual({ priced: true, price: eur(0) });
    expect(priceByRule(rule, cart(5001))).toEqual({ priced: true, price: eur(0) });
  });

  it('prices weight bands by their inclusive upper bound', () => {
    expect(priceByRule(bands, cart(0, 0))).toEqual({ priced: true, price: eur(490) });
    expect(priceByRule(bands, cart(0, 1000))).toEqual({ priced: true, price: eur(490) });
    expect(priceByRule(bands, cart(0, 1001))).toEqual({ priced: true, price: eur(990) });
    expect(priceByRule(bands, cart(0, 20000))).toEqual({ priced: true, price: eur(1990) });
  });

  it('does not price a parcel heavier than the last bounded band', () => {
    expect(priceByRule(bands, cart(0, 20001))).toEqual({ priced: false });
  });

  it('prices any weight when the last band is open-ended', () => {
    const open: PriceRule = { kind: 'weight_bands', bands: [...bands.bands, { upToGrams: null, price: eur(4990) }] };
    expect(priceByRule(open, cart(0, 20001))).toEqual({ priced: true, price: eur(4990) });
    expect(priceByRule(open, cart(0, Number.MAX_SAFE_INTEGER))).toEqual({ priced: true, price: eur(4990) });
  });
});

describe('ruleCurrency', () => {
  it('is the currency of the rule’s amounts', () => {
    expect(ruleCurrency({ kind: 'flat', price: { amount: 500, currency: 'JPY' } })).toBe('JPY');
    expect(ruleCurrency(bands)).toBe('EUR');
  });
});

describe('validatePriceRule', () => {
  it('accepts well-formed rules of each kind', () => {
    expect(validatePriceRule({ kind: 'flat', price: eur(0) }, 'r')).toEqual([]);
    expect(validatePriceRule({ kind: 'free_above', price: eur(590), threshold: eur(5000) }, 'r')).toEqual([]);
    expect(validatePriceRule(bands, 'r')).toEqual([]);
  });

  it('refuses negative, fractional and unsafe amounts', () => {
    const rule: PriceRule = { kind: 'free_above', price: eur(-1), threshold: eur(49.99) };
    expect(validatePriceRule(rule, 'priceRules[0]')).toEqual([
      { field: 'priceRules[0].price.amount', message: 'must be a non-negative integer of minor units' },
      { field: 'priceRules[0].threshold.amount', message: 'must be a non-negative integer of minor units' },
    ]);
    expect(validatePriceRule({ kind: 'flat', price: eur(2 ** 53) }, 'r')).toHaveLength(1);
  });

  it('refuses an unknown currency and a rule that mixes currencies', () => {
    const rule: PriceRule = { kind: 'free_above', price: eur(590), threshold: { amount: 5000, currency: 'USD' } };
    expect(validatePriceRule(rule, 'r')).toEqual([
      { field: 'r.threshold.currency', message: 'every amount of a rule is in EUR' },
    ]);
    expect(validatePriceRule({ kind: 'flat', price: { amount: 1, currency: 'EUD' } }, 'r')).toEqual([
      { field: 'r.price.currency', message: 'EUD is not an ISO 4217 currency' },
    ]);
  });

  it('refuses a free_above threshold of 0', () => {
    expect(validatePriceRule({ kind: 'free_above', price: eur(590), threshold: eur(0) }, 'r')).toEqual([
      { field: 'r.threshold.amount', message: 'a threshold of 0 is always free: use flat with 0' },
    ]);
  });

  it('refuses an unknown kind', () => {
    expect(validatePriceRule({ kind: 'per_item' } as unknown as PriceRule, 'r')).toEqual([
      { field: 'r.kind', message: 'kind is flat, free_above or weight_bands' },
    ]);
  });

  it('refuses no bands, unsorted, overlapping, non-positive and open bands before the last', () => {
    expect(validatePriceRule({ kind: 'weight_bands', bands: [] }, 'r')).toEqual([
      { field: 'r.bands', message: 'at least one weight band is needed' },
    ]);
    const bad: PriceRule = {
      kind: 'weight_bands',
      bands: [
        { upToGrams: 0, price: eur(100) },
        { upToGrams: 2000, price: eur(200) },
        { upToGrams: 1000, price: eur(300) },
        { upToGrams: 2000, price: eur(400) },
        { upToGrams: 2500.5, price: eur(450) },
        { upToGrams: null, price: eur(500) },
        { upToGrams: 9000, price: eur(600) },
      ],
    };
    expect(validatePriceRule(bad, 'r')).toEqual([
      { field: 'r.bands[0].upToGrams', message: 'must be a positive integer of grams, or null for no limit' },
      {
        field: 'r.bands[2].upToGrams',
        message: '1000 g is below the band before: bands are listed lightest first, each heavier',
      },
      {
        field: 'r.bands[3].upToGrams',
        message: '2000 g overlaps the band before: bands are listed lightest first, each heavier',
      },
      { field: 'r.bands[4].upToGrams', message: 'must be a positive integer of grams, or null for no limit' },
      { field: 'r.bands[5].upToGrams', message: 'only the last band may be open-ended (null)' },
    ]);
  });

  it('refuses a band priced in another currency than the first band', () => {
    const rule: PriceRule = {
      kind: 'weight_bands',
      bands: [
        { upToGrams: 1000, price: eur(100) },
        { upToGrams: null, price: { amount: 200, currency: 'GBP' } },
      ],
    };
    expect(validatePriceRule(rule, 'r')).toEqual([
      { field: 'r.bands[1].price.currency', message: 'every amount of a rule is in EUR' },
    ]);
  });
});
