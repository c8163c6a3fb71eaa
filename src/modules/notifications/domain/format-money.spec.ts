import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('uses the minor units of each currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'EUR' })).toBe('€19.99');
    expect(formatMoney({ amount: 1999, currency: 'JPY' })).toBe('JP¥1,999');
    expect(formatMoney({ amount: 5, currency: 'GBP' })).toBe('£0.05');
    // ISO 4217 decimals, not CLDR's (which shows HUF with none: 12,345 forints for 123.45).
    expect(formatMoney({ amount: 12345, currency: 'HUF' })).toBe('HUF\u00a0123.45');
  });
});
