import { isCurrency, minorUnitExponent } from './currency';

describe('currencies', () => {
  it('gives the ISO 4217 minor unit, not the CLDR display digits', () => {
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('KWD')).toBe(3);
    expect(minorUnitExponent('TND')).toBe(3);
    // Intl shows these with 0 decimals; ISO 4217 (and card processors) count 2, 2 and 3.
    expect(minorUnitExponent('HUF')).toBe(2);
    expect(minorUnitExponent('IDR')).toBe(2);
    expect(minorUnitExponent('IQD')).toBe(3);
  });

  it('knows currencies a shop can price in and nothing else', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('ABC')).toBe(false);
    expect(isCurrency('XAU')).toBe(false);
    expect(isCurrency('CLF')).toBe(false);
    expect(isCurrency(978)).toBe(false);
    expect(() => minorUnitExponent('XDR')).toThrow(RangeError);
  });
});
