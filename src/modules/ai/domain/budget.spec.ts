import { AiDomainError } from './ai-domain-error';
import { Budget, budgetsFor, budgetWindow, checkBudget } from './budget';

const budget = (overrides: Partial<Budget> = {}): Budget => ({
  id: 'b1',
  scope: { kind: 'global' },
  currency: 'USD',
  period: 'month',
  limitNanos: 100_000_000_000,
  softLimitNanos: 80_000_000_000,
  ...overrides,
});

describe('budgetWindow', () => {
  it('is the UTC day, whatever the time of day', () => {
    expect(budgetWindow('day', new Date('2026-11-24T23:59:59.999Z'))).toEqual({
      start: new Date('2026-11-24T00:00:00Z'),
      end: new Date('2026-11-25T00:00:00Z'),
    });
  });

  it('is the calendar month in UTC, across year ends and leap days', () => {
    expect(budgetWindow('month', new Date('2026-12-31T22:00:00Z'))).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(budgetWindow('day', new Date('2028-02-29T12:00:00Z')).end).toEqual(new Date('2028-03-01T00:00:00Z'));
  });

  it('uses UTC, not the local day of an offset timestamp', () => {
    expect(budgetWindow('day', new Date('2026-11-25T00:30:00+02:00')).start).toEqual(new Date('2026-11-24T00:00:00Z'));
  });
});

describe('budgetsFor', () => {
  it('applies the global budgets and the feature’s own, in id order (the lock order)', () => {
    const all = [
      budget({ id: 'c', scope: { kind: 'feature', feature: 'catalog.description-drafts' } }),
      budget({ id: 'a' }),
      budget({ id: 'b', scope: { kind: 'feature', feature: 'payments.risk-explanations' } }),
    ];
    expect(budgetsFor(all, 'catalog.description-drafts').map((b) => b.id)).toEqual(['a', 'c']);
  });
});

describe('checkBudget', () => {
  it('accepts a budget and a zero limit (a feature switched off by budget)', () => {
    expect(() => checkBudget(budget())).not.toThrow();
    expect(() => checkBudget(budget({ limitNanos: 0, softLimitNanos: undefined }))).not.toThrow();
  });

  it.each([
    ['limitNanos', { limitNanos: -1 }],
    ['limitNanos', { limitNanos: 1.5 }],
    ['softLimitNanos', { softLimitNanos: 100_000_000_001 }],
    ['period', { period: 'week' as never }],
    ['currency', { currency: 'dollars' }],
    ['scope', { scope: { kind: 'feature' as const, feature: ' ' } }],
  ])('refuses a bad %s', (field, overrides) => {
    try {
      checkBudget(budget(overrides));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AiDomainError);
      expect((error as AiDomainError).details).toEqual({ field });
    }
  });
});
