import { definePromotion, normalizePromotionCode } from './promotion';
import { promotionDefinitionErrors } from './promotion-definition';

const fields = (draft: Parameters<typeof definePromotion>[0]) =>
  promotionDefinitionErrors(definePromotion(draft)).map((e) => e.field);

describe('promotion definitions', () => {
  it('normalises codes case-insensitively and refuses what cannot be one', () => {
    expect(normalizePromotionCode('  summer-26 ')).toBe('SUMMER-26');
    expect(normalizePromotionCode('ab')).toBeNull();
    expect(normalizePromotionCode('-LEADING')).toBeNull();
    expect(normalizePromotionCode('TEN PERCENT')).toBeNull();
    expect(normalizePromotionCode('X'.repeat(33))).toBeNull();
  });

  it('accepts a well-formed promotion of each kind', () => {
    expect(fields({ id: 'a', code: 'TEN', benefit: { type: 'percentage', ratePpm: 100_000 } })).toEqual([]);
    expect(fields({ id: 'b', benefit: { type: 'fixed-amount', amounts: { EUR: 500, JPY: 700, KWD: 1500 } } })).toEqual(
      [],
    );
    expect(
      fields({
        id: 'c',
        code: 'SHIP',
        benefit: { type: 'free-shipping' },
        conditions: { minimumSubtotal: { EUR: 5000 }, scope: { productIds: [], categoryIds: ['books'] } },
        startsAt: new Date('2026-12-01'),
        endsAt: new Date('2027-01-01'),
        limits: { totalRedemptions: 100, perCustomer: 1 },
      }),
    ).toEqual([]);
  });

  it('names every field that breaks a rule', () => {
    expect(fields({ id: 'x', code: 'ten', benefit: { type: 'percentage', ratePpm: 0 } })).toEqual([
      'code',
      'benefit.ratePpm',
    ]);
    expect(fields({ id: 'x', benefit: { type: 'percentage', ratePpm: 1_000_001 } })).toEqual(['benefit.ratePpm']);
    expect(fields({ id: 'x', benefit: { type: 'fixed-amount', amounts: {} } })).toEqual(['benefit.amounts']);
    expect(fields({ id: 'x', benefit: { type: 'fixed-amount', amounts: { EUR: 0, eur: 5, JPY: 1.5 } } })).toEqual([
      'benefit.amounts.EUR',
      'benefit.amounts.eur',
      'benefit.amounts.JPY',
    ]);
    expect(
      fields({
        id: 'x',
        benefit: { type: 'free-shipping' },
        conditions: { minimumSubtotal: { XAU: 10 }, scope: { productIds: [], categoryIds: [] } },
        startsAt: new Date('2027-01-01'),
        endsAt: new Date('2027-01-01'),
        limits: { totalRedemptions: 0, perCustomer: -1 },
      }),
    ).toEqual([
      'conditions.minimumSubtotal.XAU',
      'conditions.scope',
      'endsAt',
      'limits.totalRedemptions',
      'limits.perCustomer',
    ]);
  });
});
