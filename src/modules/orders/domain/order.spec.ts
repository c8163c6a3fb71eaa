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
      shipping: { amount: 0, currency: 'EUR' },
      total: { amount: 4001, currency: 'EUR' },
      itemCount: 5,
    });
  });

  it('adds the shipping price to the lines: total = subtotal + shipping', () => {
    const totals = totalsOf([line(1999, 2), line(1, 3)], 'EUR', { amount: 490, currency: 'EUR' });
    expect(totals).toEqual({
      subtotal: { amount: 4001, currency: 'EUR' },
      shipping: { amount: 490, currency: 'EUR' },
      total: { amount: 4491, currency: 'EUR' },
      itemCount: 5,
    });
    expect(totals.subtotal.amount + totals.shipping.amount).toBe(totals.total.amount);
  });

  it('refuses to mix currencies', () => {
    expect(() => totalsOf([line(100, 1, 'USD')], 'EUR')).toThrow(/USD/);
    expect(() => totalsOf([line(100, 1)], 'EUR', { amount: 490, currency: 'USD' })).toThrow(/USD/);
  });

  it('lets customers cancel before shipping and admins before delivery', () => {
    expect(mayCancel('pending', 'customer')).toBe(true);
    expect(mayCancel('confirmed', 'customer')).toBe(true);
    expect(mayCancel('shipped', 'customer')).toBe(false);
    expect(mayCancel('shipped', 'admin')).toBe(true);
    expect(mayCancel('cancelled', 'admin')).toBe(false);
  });
});
