import { copyBreakdown, partTotal, PricingMismatch, PricingToCopy } from './order-breakdown';
import { OrderLine } from './order';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const lines: OrderLine[] = [
  { productId: 'p1', variantId: 'v1', sku: 'A', title: 'A', quantity: 2, unitPrice: eur(2000) },
  { productId: 'p2', variantId: 'v2', sku: 'B', title: 'B', quantity: 1, unitPrice: eur(999) },
];
const share = (amount: number) => [{ promotionId: 'promo', code: 'TEN', amount: eur(amount) }];

/** 10 % off the goods, 19 % tax exclusive, shipping 4.90 taxed. */
const pricing: PricingToCopy = {
  taxIncluded: false,
  taxCountry: 'DE',
  subtotal: eur(4999),
  discountTotal: eur(500),
  shippingTotal: eur(490),
  taxTotal: eur(948),
  total: eur(5937),
  lines: [
    {
      lineId: 'v1',
      quantity: 2,
      unitPrice: eur(2000),
      amount: eur(4000),
      discount: eur(400),
      tax: eur(684),
      taxRatePpm: 190_000,
      byPromotion: share(400),
    },
    {
      lineId: 'v2',
      quantity: 1,
      unitPrice: eur(999),
      amount: eur(999),
      discount: eur(100),
      tax: eur(171),
      taxRatePpm: 190_000,
      byPromotion: share(100),
    },
  ],
  shipping: { amount: eur(490), discount: eur(0), tax: eur(93), taxRatePpm: 190_000, byPromotion: [] },
  promotions: [{ promotionId: 'promo', code: 'TEN', benefit: 'percentage', amount: eur(500) }],
};

describe('copyBreakdown', () => {
  it('copies the cart pricing onto the order lines, unchanged, with the categories', () => {
    const b = copyBreakdown(pricing, lines, (v) => (v === 'v1' ? ['c1'] : []), eur(490));
    expect(b).toMatchObject({
      subtotal: 4999,
      discountTotal: 500,
      shippingTotal: 490,
      taxTotal: 948,
      total: 5937,
      itemCount: 3,
    });
    expect(b.lines.map((l) => [l.pricing.discount, l.pricing.tax, l.categoryIds])).toEqual([
      [400, 684, ['c1']],
      [100, 171, []],
    ]);
    expect(
      b.lines.map((l) => partTotal(l.pricing, false)).reduce((a, c) => a + c) + partTotal(b.shipping!, false),
    ).toBe(5937);
  });

  it.each<[string, PricingToCopy, number | null]>([
    ['a total that is not the sum of its parts', { ...pricing, total: eur(5938) }, 490],
    [
      'a line priced for another quantity',
      { ...pricing, lines: [{ ...pricing.lines[0], quantity: 3 }, pricing.lines[1]] },
      490,
    ],
    [
      'a discount above its amount',
      { ...pricing, lines: [{ ...pricing.lines[0], discount: eur(4001), byPromotion: share(4001) }, pricing.lines[1]] },
      490,
    ],
    ['shipping at another price than the re-quote', pricing, 590],
    ['shipping priced without a method', pricing, null],
    ['another currency', { ...pricing, taxTotal: { amount: 948, currency: 'USD' } }, 490],
    ['a negative tax', { ...pricing, shipping: { ...pricing.shipping!, tax: eur(-1) } }, 490],
  ])('refuses %s', (_, wrong, shipping) => {
    expect(() => copyBreakdown(wrong, lines, () => [], shipping === null ? null : eur(shipping))).toThrow(
      PricingMismatch,
    );
  });
});
