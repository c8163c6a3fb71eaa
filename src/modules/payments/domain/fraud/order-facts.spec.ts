import { resellableAmount, shippingAddressKey } from './order-facts';

describe('shippingAddressKey', () => {
  it('gives one key to two spellings of one address and another to a different address', () => {
    const a = shippingAddressKey({ line1: '12, Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' });
    const b = shippingAddressKey({
      line1: '12 rue de la  paix',
      line2: null,
      city: 'PARIS',
      postalCode: '75002',
      country: 'fr',
    });
    const c = shippingAddressKey({ line1: '14 rue de la paix', city: 'Paris', postalCode: '75002', country: 'FR' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(shippingAddressKey({ line1: 'Müllerstraße 1', city: 'Köln', postalCode: '50667', country: 'DE' })).toBe(
      shippingAddressKey({ line1: 'Mullerstraße 1', city: 'Koln', postalCode: '50667', country: 'DE' }),
    );
  });
});

describe('resellableAmount', () => {
  it('adds up the lines whose product is in a resellable category', () => {
    const categories = new Map([
      ['phone', ['electronics']],
      ['tee', ['clothing']],
    ]);
    const lines = [
      { productId: 'phone', quantity: 2, unitPrice: 50_000 },
      { productId: 'tee', quantity: 1, unitPrice: 2_000 },
      { productId: 'unknown', quantity: 1, unitPrice: 9_000 },
    ];
    expect(resellableAmount(lines, categories, new Set(['electronics', 'gift-cards']))).toBe(100_000);
    expect(resellableAmount(lines, categories, new Set())).toBe(0);
  });
});
