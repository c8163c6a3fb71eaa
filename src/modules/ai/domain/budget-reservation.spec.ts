import fc from 'fast-check';
import { AiDomainError } from './ai-domain-error';
import { Budget } from './budget';
import { BudgetUsage, reserve, settle } from './budget-reservation';

const at = new Date('2026-11-24T10:00:00Z');
const month = new Date('2026-11-01T00:00:00Z');
const day = new Date('2026-11-24T00:00:00Z');
const globalBudget: Budget = {
  id: 'a-global',
  scope: { kind: 'global' },
  currency: 'USD',
  period: 'month',
  limitNanos: 1000,
  softLimitNanos: 800,
};
const featureBudget: Budget = {
  id: 'b-drafts',
  scope: { kind: 'feature', feature: 'drafts' },
  currency: 'USD',
  period: 'day',
  limitNanos: 300,
};
const usage = (budgetId: string, windowStart: Date, spentNanos: number, reservedNanos = 0): BudgetUsage => ({
  budgetId,
  windowStart,
  spentNanos,
  reservedNanos,
});

describe('reserve', () => {
  it('reserves the estimate on every applicable budget', () => {
    const decision = reserve([globalBudget, featureBudget], [usage('a-global', month, 500, 100)], 200, 'USD', at);
    expect(decision).toEqual({
      allowed: true,
      usages: [usage('a-global', month, 500, 300), usage('b-drafts', day, 0, 200)],
    });
  });

  it('allows a call that exactly reaches the limit and refuses one nano more', () => {
    expect(reserve([globalBudget], [usage('a-global', month, 700, 100)], 200, 'USD', at).allowed).toBe(true);
    expect(reserve([globalBudget], [usage('a-global', month, 700, 100)], 201, 'USD', at)).toEqual({
      allowed: false,
      budgetId: 'a-global',
      limitNanos: 1000,
      spentNanos: 700,
      reservedNanos: 100,
      estimateNanos: 201,
    });
  });

  it('names the budget that refused: here the feature’s daily one', () => {
    const decision = reserve([globalBudget, featureBudget], [usage('b-drafts', day, 250)], 100, 'USD', at);
    expect(decision).toMatchObject({ allowed: false, budgetId: 'b-drafts' });
  });

  it('starts a new window from zero: yesterday’s spend does not count', () => {
    const yesterday = usage('b-drafts', new Date('2026-11-23T00:00:00Z'), 300);
    expect(reserve([featureBudget], [yesterday], 300, 'USD', at).allowed).toBe(true);
  });

  it('refuses to compare amounts in different currencies', () => {
    expect(() => reserve([globalBudget], [], 1, 'EUR', at)).toThrow(AiDomainError);
  });
});

describe('settle', () => {
  it('moves the reservation to spend at the actual cost and frees the rest', () => {
    const result = settle(globalBudget, usage('a-global', month, 100, 500), 500, 120);
    expect(result).toEqual({ usage: usage('a-global', month, 220, 0), softLimitCrossed: false });
  });

  it('charges nothing for a failed call the provider did not bill', () => {
    expect(settle(globalBudget, usage('a-global', month, 100, 500), 500, 0).usage).toEqual(
      usage('a-global', month, 100, 0),
    );
  });

  it('reports the soft limit once: on the settle that crosses it', () => {
    const first = settle(globalBudget, usage('a-global', month, 700, 200), 100, 100);
    expect(first.softLimitCrossed).toBe(true);
    expect(settle(globalBudget, first.usage, 100, 50).softLimitCrossed).toBe(false);
  });

  it('refuses to settle more than is reserved', () => {
    expect(() => settle(globalBudget, usage('a-global', month, 0, 10), 11, 5)).toThrow(RangeError);
  });
});

/**
 * The gateway's concurrency model: each reserve and each settle is one atomic step on the usage row;
 * the steps of different calls interleave in any order. Twenty calls race near the limit.
 */
describe('reserve then settle under concurrency', () => {
  type Call = { estimate: number; actual: number };
  const rawCalls = fc.array(
    fc.record({ estimate: fc.integer({ min: 1, max: 200 }), share: fc.integer({ min: 0, max: 150 }) }),
    {
      minLength: 20,
      maxLength: 20,
    },
  );
  const picks = fc.array(fc.nat(19), { minLength: 0, maxLength: 60 });

  /** Plays the steps: a call's first pick reserves, its second settles; unpicked steps run at the end. */
  function play(calls: Call[], order: number[], spentBefore: number) {
    let row = usage('a-global', month, spentBefore);
    const state = calls.map((): 'waiting' | 'reserved' | 'done' => 'waiting');
    let excess = 0;
    let invariantHeld = true;
    for (const i of [...order, ...calls.flatMap((_, i) => [i, i])]) {
      if (state[i] === 'waiting') {
        const decision = reserve([globalBudget], [row], calls[i].estimate, 'USD', at);
        state[i] = decision.allowed ? 'reserved' : 'done';
        if (decision.allowed) row = decision.usages[0];
      } else if (state[i] === 'reserved') {
        row = settle(globalBudget, row, calls[i].estimate, calls[i].actual).usage;
        excess += Math.max(0, calls[i].actual - calls[i].estimate);
        state[i] = 'done';
      }
      invariantHeld &&= row.spentNanos + row.reservedNanos <= globalBudget.limitNanos + excess;
    }
    return { row, excess, invariantHeld };
  }

  it('never lets spend pass the limit when actual costs stay within their estimates', () => {
    fc.assert(
      fc.property(rawCalls, picks, fc.integer({ min: 0, max: 1000 }), (raw, order, spentBefore) => {
        const calls = raw.map(({ estimate, share }) => ({
          estimate,
          actual: Math.floor((estimate * Math.min(share, 100)) / 100),
        }));
        const { row, invariantHeld } = play(calls, order, spentBefore);
        return invariantHeld && row.reservedNanos === 0 && row.spentNanos <= globalBudget.limitNanos;
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('overshoots by no more than the calls’ excess over their estimates when an estimate was wrong', () => {
    fc.assert(
      fc.property(rawCalls, picks, (raw, order) => {
        const calls = raw.map(({ estimate, share }) => ({ estimate, actual: Math.floor((estimate * share) / 100) }));
        const { row, excess, invariantHeld } = play(calls, order, 600);
        return invariantHeld && row.spentNanos <= globalBudget.limitNanos + excess;
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
