import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('uses the minor units of each currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'EUR' })).toBe('€19.99');
    expect(formatMoney({ amount: 1999, currency: 'JPY' })).toBe('JP¥1,999');
    expect(formatMoney({ amount: 5, currency: 'GBP' })).toBe('£0.05');
  });
});
