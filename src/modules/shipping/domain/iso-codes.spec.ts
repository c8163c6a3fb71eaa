import { countryProblem, isKnownCurrency } from './iso-codes';

describe('isKnownCurrency', () => {
  it('knows currencies of every exponent (EUR 2, JPY 0, KWD 3)', () => {
    expect(['EUR', 'JPY', 'KWD', 'USD', 'CHF'].filter(isKnownCurrency)).toHaveLength(5);
  });

  it('refuses codes that are not ISO 4217 currencies, lower case, or placeholders', () => {
    expect(['EUD', 'eur', 'XXX', 'XTS', '', 'EURO'].filter(isKnownCurrency)).toEqual([]);
  });
});

describe('countryProblem', () => {
  it('accepts countries and territories parcels are addressed to', () => {
    expect(['DE', 'GB', 'US', 'JP', 'AX', 'GF', 'CW'].map(countryProblem)).toEqual(Array(7).fill(undefined));
  });

  it('refuses malformed codes', () => {
    for (const code of ['de', 'DEU', 'D', '', '276']) {
      expect(countryProblem(code)).toBe('must be an upper-case ISO 3166-1 alpha-2 code such as DE');
    }
  });

  it('refuses groupings, reserved, retired and unassigned codes', () => {
    for (const code of ['EU', 'UN', 'IC', 'ZZ', 'XK', 'AN', 'YU', 'AA']) {
      expect(countryProblem(code)).toBe(`${code} is not an ISO 3166-1 country code`);
    }
  });

  it('names GB for UK', () => {
    expect(countryProblem('UK')).toBe('UK is not an ISO 3166-1 code; the United Kingdom is GB');
  });
});
