import { ConfigError } from '../../platform/config';
import { loadTaxConfig } from './tax.config';

describe('tax settings', () => {
  it('default to tax-exclusive prices and no default country', () => {
    expect(loadTaxConfig({})).toEqual({ priceMode: 'tax-exclusive', defaultCountry: null });
  });

  it('read the price mode and the default country', () => {
    expect(loadTaxConfig({ TAX_PRICE_MODE: 'tax-inclusive', TAX_DEFAULT_COUNTRY: 'DE' })).toEqual({
      priceMode: 'tax-inclusive',
      defaultCountry: 'DE',
    });
  });

  it('stop start-up on a mode or country they do not know, naming the variable', () => {
    expect(() => loadTaxConfig({ TAX_PRICE_MODE: 'gross' })).toThrow(ConfigError);
    for (const country of ['de', 'UK', 'DEU']) {
      expect(() => loadTaxConfig({ TAX_DEFAULT_COUNTRY: country })).toThrow(/TAX_DEFAULT_COUNTRY/);
    }
  });
});
