import { Cart } from './cart';
import { CartRuleViolation } from './cart-errors';
import { priceChanged } from './cart-line';
import { PricedVariant } from './priced-variant';

const NOW = new Date('2026-01-01T10:00:00Z');
const later = (ms: number): Date => new Date(NOW.getTime() + ms);
let counter = 0;
const newId = (): string => `line-${++counter}`;

function variant(id: string, over: Partial<PricedVariant> = {}): PricedVariant {
  return {
    variantId: id,
    productId: `p-${id}`,
    sku: `SKU-${id}`,
    title: `Title ${id}`,
    price: { amount: 1000, currency: 'EUR' },
    available: 50,
    purchasable: true,
    ...over,
  };
}

function violation(fn: () => unknown): CartRuleViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof CartRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a CartRuleViolation');
}

/** The breakdown of a cart with no discounts or tax yet (issue 19). */
function totals(subtotal: number, shipping: number, currency: string, itemCount: number) {
  const money = (amount: number) => ({ amount, currency });
  return {
    taxIncluded: false,
    subtotal: money(subtotal),
    discountTotal: money(0),
    shippingTotal: money(shipping),
    taxTotal: money(0),
    total: money(subtotal + shipping),
    itemCount,
  };
}

describe('Cart', () => {
  it('merges the same variant into one line and totals in minor units', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a', { price: { amount: 1999, currency: 'EUR' } }), 2, NOW, newId);
    cart.addItem(variant('a', { price: { amount: 1999, currency: 'EUR' } }), 3, NOW, newId);
    cart.addItem(variant('b', { price: { amount: 1, currency: 'EUR' } }), 1, NOW, newId);
    expect(cart.lines).toHaveLength(2);
    expect(cart.lines[0].quantity).toBe(5);
    expect(cart.totals('EUR')).toEqual(totals(5 * 1999 + 1, 0, 'EUR', 6));
  });

  it('totals an empty cart in the default currency', () => {
    expect(Cart.open('c1', null, NOW).totals('USD')).toEqual(totals(0, 0, 'USD', 0));
  });

  describe('shipping method', () => {
    const standard = { methodId: 'm1', name: 'Standard', country: 'DE', price: { amount: 490, currency: 'EUR' } };

    it('adds the chosen method at its accepted price to the totals, a breakdown that sums', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a', { price: { amount: 1999, currency: 'EUR' } }), 2, NOW, newId);
      cart.chooseShipping(standard, NOW, cart.lines);
      expect(cart.shipping).toEqual({ ...standard, stale: false });
      expect(cart.totals('EUR')).toEqual(totals(3998, 490, 'EUR', 2));
    });

    it('refuses a method for an empty cart', () => {
      const cart = Cart.open('c1', null, NOW);
      expect(violation(() => cart.chooseShipping(standard, NOW, [])).code).toBe('cart-empty');
      expect(cart.shipping).toBeNull();
    });

    it('keeps the method when the lines change, its price flagged stale until chosen again', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a'), 1, NOW, newId);
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.addItem(variant('b'), 1, NOW, newId);
      expect(cart.shipping).toEqual({ ...standard, stale: true });
      expect(cart.totals('EUR').shippingTotal.amount).toBe(490);
      cart.chooseShipping({ ...standard, price: { amount: 0, currency: 'EUR' } }, NOW, cart.lines);
      expect(cart.shipping?.stale).toBe(false);
      cart.changeQuantity(cart.lines[0].id, 2, variant('a'), NOW);
      expect(cart.shipping?.stale).toBe(true);
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.removeLine(cart.lines[1].id, NOW);
      expect(cart.shipping?.stale).toBe(true);
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.acceptPrices(NOW);
      expect(cart.shipping?.stale).toBe(true);
    });

    it('flags a quote made for other lines than the cart has when it is stored', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a'), 1, NOW, newId);
      const quotedFor = cart.lines;
      cart.addItem(variant('a'), 1, NOW, newId);
      cart.chooseShipping(standard, NOW, quotedFor);
      expect(cart.shipping?.stale).toBe(true);
    });

    it('leaves a line repriced in another currency out of the totals, which still sum', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a'), 1, NOW, newId);
      cart.addItem(variant('b', { price: { amount: 500, currency: 'EUR' } }), 2, NOW, newId);
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.refresh(new Map([['b', variant('b', { price: { amount: 600, currency: 'USD' } })]]), NOW);
      expect(cart.totals('EUR')).toEqual(totals(1000, 490, 'EUR', 3));
    });

    it('counts no shipping once the cart is empty or in another currency, and forgets it when retired', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a'), 1, NOW, newId);
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.removeLine(cart.lines[0].id, NOW);
      expect(cart.totals('EUR')).toEqual(totals(0, 0, 'EUR', 0));
      cart.addItem(variant('u', { price: { amount: 700, currency: 'USD' } }), 1, NOW, newId);
      expect(cart.totals('EUR')).toEqual(totals(700, 0, 'USD', 1));
      cart.clearShipping(NOW);
      expect(cart.shipping).toBeNull();
      cart.chooseShipping(standard, NOW, cart.lines);
      cart.checkOut(NOW);
      expect(cart.shipping).toBeNull();
    });
  });

  it.each([0, -1, 0.5, 100, 1e9, NaN, '1', null])('rejects quantity %p and stays unchanged', (quantity) => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 1, NOW, newId);
    const before = cart.snapshot();
    expect(violation(() => cart.addItem(variant('a'), quantity as number, NOW, newId)).code).toBe('invalid-quantity');
    expect(violation(() => cart.changeQuantity(cart.lines[0].id, quantity as number, variant('a'), NOW)).code).toBe(
      'invalid-quantity',
    );
    expect(cart.snapshot()).toBe(before);
  });

  it('refuses more than is available, saying how many are', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a', { available: 3 }), 2, NOW, newId);
    const error = violation(() => cart.addItem(variant('a', { available: 3 }), 2, NOW, newId));
    expect(error.code).toBe('insufficient-stock');
    expect(error.details).toMatchObject({ available: 3 });
    expect(cart.lines[0].quantity).toBe(2);
    expect(violation(() => cart.changeQuantity(cart.lines[0].id, 4, variant('a', { available: 3 }), NOW)).code).toBe(
      'insufficient-stock',
    );
  });

  it('caps a merged line at 99 units and a cart at 100 lines', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a', { available: 500 }), 60, NOW, newId);
    expect(violation(() => cart.addItem(variant('a', { available: 500 }), 40, NOW, newId)).code).toBe('quantity-limit');
    for (let i = 1; i < 100; i++) cart.addItem(variant(`v${i}`), 1, NOW, newId);
    expect(cart.lines).toHaveLength(100);
    expect(violation(() => cart.addItem(variant('one-too-many'), 1, NOW, newId)).code).toBe('too-many-lines');
    cart.addItem(variant('v1'), 1, NOW, newId);
    expect(cart.lines).toHaveLength(100);
  });

  it('holds one currency and refuses variants that cannot be bought', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 1, NOW, newId);
    expect(
      violation(() => cart.addItem(variant('b', { price: { amount: 5, currency: 'USD' } }), 1, NOW, newId)).code,
    ).toBe('currency-mismatch');
    expect(violation(() => cart.addItem(variant('c', { purchasable: false }), 1, NOW, newId)).code).toBe(
      'not-purchasable',
    );
    expect(violation(() => cart.changeQuantity(cart.lines[0].id, 2, undefined, NOW)).code).toBe('not-purchasable');
  });

  it('flags a line whose price changed since it was added, until the customer acts on it', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 1, NOW, newId);
    cart.refresh(new Map([['a', variant('a', { price: { amount: 1200, currency: 'EUR' } })]]), later(1000));
    expect(priceChanged(cart.lines[0])).toBe(true);
    expect(cart.lines[0].acceptedUnitPrice.amount).toBe(1000);
    expect(cart.totals('EUR').subtotal.amount).toBe(1200);
    cart.changeQuantity(cart.lines[0].id, 2, variant('a', { price: { amount: 1200, currency: 'EUR' } }), later(2000));
    expect(priceChanged(cart.lines[0])).toBe(false);
  });

  it('charges the accepted prices until the customer accepts the current ones', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 2, NOW, newId);
    cart.addItem(variant('b', { price: { amount: 500, currency: 'EUR' } }), 1, NOW, newId);
    cart.refresh(new Map([['a', variant('a', { price: { amount: 1200, currency: 'EUR' } })]]), later(1000));
    expect(cart.acceptedSubtotal('EUR')).toEqual({ amount: 2 * 1000 + 500, currency: 'EUR' });
    cart.acceptPrices(later(2000));
    expect(cart.lines.map(priceChanged)).toEqual([false, false]);
    expect(cart.acceptedSubtotal('EUR')).toEqual({ amount: 2 * 1200 + 500, currency: 'EUR' });
    expect(cart.snapshot().updatedAt).toEqual(later(2000));
  });

  it('knows which snapshots are stale and refreshes them', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 1, NOW, newId);
    cart.addItem(variant('b'), 1, later(50_000), newId);
    expect(cart.staleVariantIds(later(60_000), 30_000)).toEqual(['a']);
    cart.refresh(
      new Map([['a', variant('a', { price: { amount: 900, currency: 'EUR' }, title: 'New' })]]),
      later(60_000),
    );
    expect(cart.lines[0]).toMatchObject({ title: 'New', unitPrice: { amount: 900 }, priceCheckedAt: later(60_000) });
    expect(priceChanged(cart.lines[0])).toBe(true);
    expect(cart.staleVariantIds(later(60_000), 30_000)).toEqual([]);
  });

  it('removes a line, and refuses an unknown one', () => {
    const cart = Cart.open('c1', null, NOW);
    cart.addItem(variant('a'), 1, NOW, newId);
    expect(violation(() => cart.removeLine('nope', NOW)).code).toBe('line-not-found');
    cart.removeLine(cart.lines[0].id, NOW);
    expect(cart.lines).toEqual([]);
  });

  it('absorbs a guest cart: quantities add up, capped by availability, never lowered', () => {
    const mine = Cart.open('mine', 'u1', NOW);
    mine.addItem(variant('a', { available: 10 }), 4, NOW, newId);
    mine.addItem(variant('b', { available: 10 }), 5, NOW, newId);
    const guest = Cart.open('guest', null, NOW);
    guest.addItem(variant('a', { available: 10 }), 3, NOW, newId);
    guest.addItem(variant('b', { available: 10 }), 9, NOW, newId);
    guest.addItem(variant('c', { available: 10 }), 7, NOW, newId);
    guest.addItem(variant('gone', { available: 10 }), 1, NOW, newId);
    guest.addItem(variant('sold-out', { available: 10 }), 1, NOW, newId);
    const now = new Map(
      [
        variant('a', { available: 10 }),
        variant('b', { available: 3 }),
        variant('c', { available: 2 }),
        variant('sold-out', { available: 0 }),
      ].map((v) => [v.variantId, v]),
    );
    mine.absorb(guest, now, later(1), newId);
    guest.retireAsClaimed(later(1));
    expect(mine.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      ['a', 7],
      ['b', 5],
      ['c', 2],
    ]);
    expect(guest.status).toBe('claimed');
    expect(guest.lines).toEqual([]);
  });

  it('lets anyone with the id use an open guest cart until it expires, and only its customer otherwise', () => {
    const guest = Cart.open('g', null, NOW);
    const owned = Cart.open('o', 'u1', NOW);
    expect(guest.isAccessibleTo(undefined, later(1000), 5000)).toBe(true);
    expect(guest.isAccessibleTo('u2', later(1000), 5000)).toBe(true);
    expect(guest.isAccessibleTo(undefined, later(5000), 5000)).toBe(false);
    expect(owned.isAccessibleTo('u1', later(1e9), 5000)).toBe(true);
    expect(owned.isAccessibleTo('u2', NOW, 5000)).toBe(false);
    expect(owned.isAccessibleTo(undefined, NOW, 5000)).toBe(false);
    owned.checkOut(NOW);
    expect(owned.isAccessibleTo('u1', NOW, 5000)).toBe(false);
  });

  describe('promotion codes and what pricing works on (issue 19)', () => {
    const shippingChoice = {
      methodId: 'm1',
      name: 'Standard',
      country: 'DE',
      price: { amount: 490, currency: 'EUR' },
    };

    it('keeps codes in the order applied, once each, at most 10; removing one not held is refused', () => {
      const cart = Cart.open('c1', null, NOW);
      expect(cart.applyPromotionCode('PCT10', NOW)).toBe(true);
      expect(cart.applyPromotionCode('FREESHIP', NOW)).toBe(true);
      expect(cart.applyPromotionCode('PCT10', NOW)).toBe(false);
      expect(cart.promotionCodes).toEqual(['PCT10', 'FREESHIP']);
      for (let i = 0; i < 8; i++) cart.applyPromotionCode(`CODE${i}`, NOW);
      expect(violation(() => cart.applyPromotionCode('ONEMORE', NOW)).code).toBe('promotion-codes-limit');
      cart.removePromotionCode('PCT10', NOW);
      expect(cart.promotionCodes).toHaveLength(9);
      expect(cart.promotionCodes[0]).toBe('FREESHIP');
      expect(violation(() => cart.removePromotionCode('PCT10', NOW)).code).toBe('promotion-code-not-found');
    });

    it('flags the shipping price stale when the codes change (it was quoted after their discounts)', () => {
      const cart = Cart.open('c1', null, NOW);
      cart.addItem(variant('a'), 1, NOW, newId);
      cart.chooseShipping(shippingChoice, NOW, cart.lines);
      expect(cart.shipping?.stale).toBe(false);
      cart.applyPromotionCode('PCT10', NOW);
      expect(cart.shipping?.stale).toBe(true);
      cart.chooseShipping(shippingChoice, NOW, cart.lines, []);
      expect(cart.shipping?.stale).toBe(true);
      cart.chooseShipping(shippingChoice, NOW, cart.lines, ['PCT10']);
      expect(cart.shipping?.stale).toBe(false);
      cart.removePromotionCode('PCT10', NOW);
      expect(cart.shipping?.stale).toBe(true);
    });

    it("prices at current or accepted prices, with each line's tax category and category ids from catalog", () => {
      const cart = Cart.open('c1', 'u1', NOW);
      cart.addItem(variant('a', { taxCategory: 'reduced', categoryIds: ['k1'] }), 2, NOW, newId);
      cart.addItem(variant('b'), 1, NOW, newId);
      cart.refresh(new Map([['a', variant('a', { price: { amount: 1200, currency: 'EUR' } })]]), later(1));
      // An older catalog that leaves the facts out keeps what the line had.
      expect(cart.lines[0]).toMatchObject({ taxCategory: 'reduced', categoryIds: ['k1'] });
      expect(cart.lines[1]).toMatchObject({ taxCategory: null, categoryIds: [] });
      const current = cart.pricingBasis('EUR', 'current');
      const accepted = cart.pricingBasis('EUR', 'accepted');
      expect(current.lines.map((l) => l.unitPrice.amount)).toEqual([1200, 1000]);
      expect(accepted.lines.map((l) => l.unitPrice.amount)).toEqual([1000, 1000]);
      expect(current.lines[0]).toMatchObject({ productId: 'p-a', taxCategory: 'reduced', categoryIds: ['k1'] });
      cart.refresh(new Map([['a', variant('a', { taxCategory: null, categoryIds: [] })]]), later(2));
      expect(cart.lines[0]).toMatchObject({ taxCategory: null, categoryIds: [] });
      expect(current.shipping).toBeNull();
    });

    it('carries a guest cart’s codes into the customer’s cart on a claim, and forgets them when retired', () => {
      const guest = Cart.open('g', null, NOW);
      guest.addItem(variant('a'), 1, NOW, newId);
      guest.applyPromotionCode('PCT10', NOW);
      guest.applyPromotionCode('FREESHIP', NOW);
      const mine = Cart.open('m', 'u1', NOW);
      mine.applyPromotionCode('FREESHIP', NOW);
      mine.absorb(guest, new Map([['a', variant('a')]]), NOW, newId);
      expect(mine.promotionCodes).toEqual(['FREESHIP', 'PCT10']);
      guest.retireAsClaimed(NOW);
      expect(guest.promotionCodes).toEqual([]);
      mine.checkOut(NOW);
      expect(mine.promotionCodes).toEqual([]);
    });
  });
});
