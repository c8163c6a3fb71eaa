import { evaluatePromotions, EvaluationInput } from './evaluation';
import { definePromotion, Promotion } from './promotion';

const line = (lineId: string, amount: number) => ({ lineId, productId: `p-${lineId}`, categoryIds: [], amount });
const percent = (id: string, ratePpm: number, extra: Partial<Promotion> = {}) =>
  ({ ...definePromotion({ id, benefit: { type: 'percentage', ratePpm } }), ...extra }) as Promotion;

function input(overrides: Partial<EvaluationInput>): EvaluationInput {
  return {
    now: new Date('2026-06-01T00:00:00Z'),
    currency: 'EUR',
    lines: [line('a', 1000), line('b', 500)],
    shippingAmount: 490,
    customer: null,
    codes: [],
    automatic: [],
    redemptions: () => ({ total: 0, byCustomer: 0 }),
    ...overrides,
  };
}

describe('evaluatePromotions', () => {
  it('refuses an unknown code and an ineligible one, in the order given, and applies the rest', () => {
    const expired = percent('p1', 100_000, { code: 'OLD', endsAt: new Date('2026-01-01T00:00:00Z') });
    const good = percent('p2', 100_000, { code: 'GOOD' });
    const result = evaluatePromotions(
      input({
        codes: [
          { code: 'NOPE', promotion: null },
          { code: 'OLD', promotion: expired },
          { code: 'GOOD', promotion: good },
        ],
      }),
    );
    expect(result.refusedCodes.map((r) => r.type)).toEqual(['promotion-unknown', 'promotion-expired']);
    expect(result.applied.map((p) => p.id)).toEqual(['p2']);
    expect(result.discounts.lines.map((l) => l.amount)).toEqual([100, 50]);
  });

  it('refuses a second code that does not combine, and leaves out an automatic promotion that does not', () => {
    const first = percent('p1', 100_000, { code: 'ONE' });
    const second = percent('p2', 100_000, { code: 'TWO' });
    const automatic = { ...definePromotion({ id: 'p0', benefit: { type: 'free-shipping' } }) };
    const result = evaluatePromotions(
      input({
        codes: [
          { code: 'ONE', promotion: first },
          { code: 'TWO', promotion: second },
        ],
        automatic: [automatic],
      }),
    );
    expect(result.refusedCodes).toEqual([expect.objectContaining({ type: 'promotion-not-combinable', code: 'TWO' })]);
    expect(result.leftOut).toEqual([expect.objectContaining({ type: 'promotion-not-combinable', promotionId: 'p0' })]);
    expect(result.discounts.shipping.amount).toBe(0);
  });

  it('applies combinable codes and automatic promotions together, free shipping included', () => {
    const code = percent('p2', 200_000, { code: 'TWENTY', combinable: true });
    const free = { ...definePromotion({ id: 'p1', benefit: { type: 'free-shipping' } }), combinable: true };
    const result = evaluatePromotions(input({ codes: [{ code: 'TWENTY', promotion: code }], automatic: [free] }));
    expect(result.applied.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(result.discounts.byPromotion).toEqual([
      { promotionId: 'p2', amount: 300 },
      { promotionId: 'p1', amount: 490 },
    ]);
  });

  it('sees the counts it is given: an exhausted automatic promotion is left out', () => {
    const limited = { ...percent('p1', 100_000), limits: { totalRedemptions: 3, perCustomer: null } };
    const result = evaluatePromotions(
      input({ automatic: [limited], redemptions: () => ({ total: 3, byCustomer: 0 }) }),
    );
    expect(result.applied).toEqual([]);
    expect(result.leftOut).toEqual([expect.objectContaining({ type: 'promotion-exhausted', limit: 'total' })]);
  });
});
