import { mayCancel, totalsOf } from './order';

describe('orders', () => {
  const line = (amount: number, quantity: number, currency = 'EUR') => ({
    productId: 'p',
    variantId: 'v',
    sku: 's',
    title: 't',
    quantity,
    unitPrice: { amount, currency },
  });

  it('totals lines in minor units', () => {
    expect(totalsOf([line(1999, 2), line(1, 3)], 'EUR')).toEqual({
      subtotal: { amount: 4001, currency: 'EUR' },
      total: { amount: 4001, currency: 'EUR' },
      itemCount: 5,
    });
  });

  it('refuses to mix currencies', () => {
    expect(() => totalsOf([line(100, 1, 'USD')], 'EUR')).toThrow(/USD/);
  });

  it('lets customers cancel before shipping and admins before delivery', () => {
    expect(mayCancel('pending', 'customer')).toBe(true);
    expect(mayCancel('confirmed', 'customer')).toBe(true);
    expect(mayCancel('shipped', 'customer')).toBe(false);
    expect(mayCancel('shipped', 'admin')).toBe(true);
    expect(mayCancel('cancelled', 'admin')).toBe(false);
  });
});
