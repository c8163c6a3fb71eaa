import { advanceFulfilment, mayCancel, OrderFulfilment, OrderStatus, totalsOf } from './order';

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

  it('lets an order be cancelled only before any of its goods left', () => {
    expect(mayCancel('pending')).toBe(true);
    expect(mayCancel('confirmed')).toBe(true);
    for (const status of ['partially_shipped', 'shipped', 'delivered', 'cancelled'] as const)
      expect(mayCancel(status)).toBe(false);
  });

  it('applies a fulfilment only when it ranks above the status, whatever order the events come in', () => {
    expect(advanceFulfilment('confirmed', 'partially_shipped')).toBe('partially_shipped');
    expect(advanceFulfilment('confirmed', 'delivered')).toBe('delivered');
    expect(advanceFulfilment('shipped', 'partially_shipped')).toBeNull();
    expect(advanceFulfilment('shipped', 'shipped')).toBeNull();
    expect(advanceFulfilment('delivered', 'shipped')).toBeNull();
    expect(advanceFulfilment('confirmed', null)).toBeNull();
    expect(advanceFulfilment('cancelled', 'shipped')).toBeNull();
    expect(advanceFulfilment('pending', 'shipped')).toBeNull();
    // Every permutation of a story's events ends where the story ends.
    const story: OrderFulfilment[] = ['partially_shipped', 'shipped', 'delivered', 'delivered'];
    const permutations = (xs: OrderFulfilment[]): OrderFulfilment[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    for (const events of permutations(story)) {
      const end = events.reduce<OrderStatus>((status, f) => advanceFulfilment(status, f) ?? status, 'confirmed');
      expect(end).toBe('delivered');
    }
  });
});
