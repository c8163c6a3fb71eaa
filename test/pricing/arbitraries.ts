import fc from 'fast-check';
import { minorUnitExponent } from '../../src/platform/money';
import { definePromotion, Promotion, PromotionBenefit } from '../../src/modules/promotions/domain/promotion';
import { CountryTaxRules } from '../../src/modules/tax/domain/tax-rules';
import { CartLineFacts } from './price-cart';

export const NOW = new Date('2026-12-01T12:00:00Z');
export const PRODUCTS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const CATEGORIES = ['c0', 'c1', 'c2'];

export const currency = fc.constantFrom('EUR', 'JPY', 'KWD');

/** A unit price up to 100 000 major units of the currency (and at most 10^9 minor units, the HTTP bound). */
export const unitPrice = (cur: string) =>
  fc.integer({ min: 0, max: Math.min(10 ** (minorUnitExponent(cur) + 5), 1_000_000_000) });

export const cartLines = (cur: string, maxLength = 100) =>
  fc
    .array(
      fc.record({
        productId: fc.constantFrom(...PRODUCTS),
        categoryIds: fc.subarray(CATEGORIES),
        taxCategory: fc.constantFrom(null, 'standard', 'reduced', 'unrated'),
        unitPrice: unitPrice(cur),
        quantity: fc.integer({ min: 1, max: 99 }),
      }),
      { minLength: 1, maxLength },
    )
    .map((lines): CartLineFacts[] => lines.map((l, i) => ({ ...l, lineId: `line-${i}` })));

const benefit = (cur: string): fc.Arbitrary<PromotionBenefit> =>
  fc.oneof(
    fc.integer({ min: 1, max: 1_000_000 }).map((ratePpm) => ({ type: 'percentage' as const, ratePpm })),
    fc
      .integer({ min: 1, max: 10 ** (minorUnitExponent(cur) + 4) })
      .map((amount) => ({ type: 'fixed-amount' as const, amounts: { [cur]: amount } })),
    fc.constant({ type: 'free-shipping' as const }),
  );

const window = fc.constantFrom(
  { startsAt: null, endsAt: null },
  { startsAt: new Date('2026-11-01'), endsAt: new Date('2027-01-01') },
  { startsAt: new Date('2027-01-01'), endsAt: null },
  { startsAt: null, endsAt: new Date('2026-12-01T12:00:00Z') },
);

export const promotions = (cur: string, withCode: boolean) =>
  fc
    .array(
      fc.record({
        benefit: benefit(cur),
        scope: fc.option(fc.record({ productIds: fc.subarray(PRODUCTS), categoryIds: fc.subarray(CATEGORIES) }), {
          nil: null,
        }),
        minimum: fc.option(fc.integer({ min: 1, max: 10 ** (minorUnitExponent(cur) + 4) }), { nil: null }),
        firstOrderOnly: fc.boolean(),
        combinable: fc.boolean(),
        window,
      }),
      { maxLength: 4 },
    )
    .map((drafts) =>
      drafts.map((d, i): Promotion =>
        definePromotion({
          id: `${withCode ? 'code' : 'auto'}-${i}`,
          code: withCode ? `CODE${i}` : null,
          benefit: d.benefit,
          conditions: {
            scope: d.scope,
            minimumSubtotal: d.minimum === null ? null : { [cur]: d.minimum },
            firstOrderOnly: d.firstOrderOnly,
          },
          combinable: d.combinable,
          ...d.window,
        }),
      ),
    );

export const taxRules: fc.Arbitrary<CountryTaxRules | null> = fc.option(
  fc.record({
    country: fc.constant('XX'),
    rates: fc.record({
      standard: fc.integer({ min: 0, max: 1_000_000 }),
      reduced: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    shippingCategory: fc.constantFrom(null, 'standard', 'reduced'),
  }),
  { nil: null },
);

export const customer = fc.option(
  fc.record({ customerId: fc.constant('c1'), previousOrders: fc.integer({ min: 0, max: 3 }) }),
  { nil: null },
);
