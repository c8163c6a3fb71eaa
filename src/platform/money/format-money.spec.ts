import { formatMinorUnits } from './format-money';

describe('formatMinorUnits', () => {
  // Intl separates a currency code from the number with a no-break space (U+00A0).
  it('shows minor units with the ISO 4217 number of decimals', () => {
    expect(formatMinorUnits(2590, 'EUR')).toBe('€25.90');
    expect(formatMinorUnits(1999, 'JPY')).toBe('¥1,999');
    expect(formatMinorUnits(1500, 'KWD')).toBe('KWD\u00a01.500');
  });

  it('does not take the decimals from the runtime, whose CLDR digits differ from ISO 4217', () => {
    // CLDR shows these with 0 decimals: 12345 minor units read as 12,345, a 100× (IQD 1000×) error.
    expect(formatMinorUnits(12345, 'HUF')).toBe('HUF\u00a0123.45');
    expect(formatMinorUnits(12345, 'IDR')).toBe('IDR\u00a0123.45');
    expect(formatMinorUnits(12345, 'COP')).toBe('COP\u00a0123.45');
    expect(formatMinorUnits(12345, 'IQD')).toBe('IQD\u00a012.345');
  });

  it('follows the locale for symbols and separators', () => {
    expect(formatMinorUnits(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMinorUnits(-5, 'GBP', 'en-GB')).toBe('-£0.05');
  });
});
