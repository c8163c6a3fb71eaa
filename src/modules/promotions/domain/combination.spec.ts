import { checkCombination, selectPromotions } from './combination';
import { definePromotion } from './promotion';

const percent = (id: string, code: string | null, combinable: boolean) =>
  definePromotion({ id, code, combinable, benefit: { type: 'percentage', ratePpm: 100_000 } });

describe('combining promotions', () => {
  const single = percent('01-a', 'SINGLE', false);
  const stackA = percent('01-b', 'STACKA', true);
  const stackB = percent('01-c', 'STACKB', true);

  it('allows one code per order unless the codes are all combinable', () => {
    expect(checkCombination(single, [])).toBeNull();
    expect(checkCombination(stackA, [stackB])).toBeNull();
    expect(checkCombination(stackA, [single])).toEqual({
      type: 'promotion-not-combinable',
      promotionId: '01-b',
      code: 'STACKA',
      conflictsWith: { promotionId: '01-a', code: 'SINGLE' },
    });
    expect(checkCombination(single, [stackA])).toMatchObject({ conflictsWith: { code: 'STACKA' } });
  });

  it('does not refuse a code because it is already applied', () => {
    expect(checkCombination(single, [single])).toBeNull();
  });

  it("puts the customer's codes before automatic promotions, which join only if they combine", () => {
    const autoStack = percent('02-auto-stack', null, true);
    const autoAlone = percent('02-auto-alone', null, false);
    const withStackingCode = selectPromotions([stackA], [autoAlone, autoStack]);
    expect(withStackingCode.applied.map((p) => p.id)).toEqual(['01-b', '02-auto-stack']);
    expect(withStackingCode.skipped).toEqual([
      {
        type: 'promotion-not-combinable',
        promotionId: '02-auto-alone',
        code: null,
        conflictsWith: { promotionId: '01-b', code: 'STACKA' },
      },
    ]);
    expect(selectPromotions([single], [autoStack]).applied.map((p) => p.id)).toEqual(['01-a']);
  });

  it('takes automatic promotions in id order when there is no code', () => {
    const first = percent('03-first', null, false);
    const second = percent('03-second', null, true);
    expect(selectPromotions([], [second, first]).applied.map((p) => p.id)).toEqual(['03-first']);
    expect(selectPromotions([], [second, percent('03-third', null, true)]).applied.map((p) => p.id)).toEqual([
      '03-second',
      '03-third',
    ]);
  });
});
