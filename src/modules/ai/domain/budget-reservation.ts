import { AiDomainError } from './ai-domain-error';
import { Budget, budgetWindow } from './budget';

/**
 * Reserve before the call, settle after (ADR 0105):
 * 1. reserve: for every applicable budget, refuse when spent + reserved + estimate > limit; else add
 *    the estimate (the call's maximum cost, cost-estimate.ts) to `reserved`;
 * 2. settle: move the reservation to `spent` at the ACTUAL cost — what the provider bills: a call
 *    that failed without usage costs 0, an unpriced or usage-less success costs its estimate;
 * 3. a reservation never settled (process died mid-call) is settled at its estimate when it expires.
 * The gateway applies each step as one conditional UPDATE per usage row, in `budgetsFor` order,
 * inside one transaction, so 20 concurrent calls see each other's reservations.
 *
 * Overshoot bound: since a reservation is granted only while spent + reserved + estimate ≤ limit,
 * and a settle changes spent + reserved by (actual − estimate), the spend of a window never exceeds
 * limit + Σ max(0, actual − estimate) over its calls. When estimates are true upper bounds (they are
 * for byte-level tokenizers), spend never exceeds the limit at all, under any concurrency.
 */
export interface BudgetUsage {
  readonly budgetId: string;
  /** Start of the budget window this row counts (budgetWindow(period, at).start). */
  readonly windowStart: Date;
  readonly spentNanos: number;
  readonly reservedNanos: number;
}

export type ReservationDecision =
  | { readonly allowed: true; readonly usages: readonly BudgetUsage[] }
  | {
      readonly allowed: false;
      /** The first budget (in the order given) that the call does not fit. */
      readonly budgetId: string;
      readonly limitNanos: number;
      readonly spentNanos: number;
      readonly reservedNanos: number;
      readonly estimateNanos: number;
    };

/**
 * Decides a reservation of `estimateNanos` against `budgets` at time `at`.
 * @param usages the current usage rows; a budget without a row for the window starts at zero.
 * @throws AiDomainError `currency-mismatch` when a budget is in another currency than the estimate.
 */
export function reserve(
  budgets: readonly Budget[],
  usages: readonly BudgetUsage[],
  estimateNanos: number,
  currency: string,
  at: Date,
): ReservationDecision {
  assertAmount(estimateNanos);
  const next: BudgetUsage[] = [];
  for (const budget of budgets) {
    if (budget.currency !== currency) {
      throw new AiDomainError(
        'currency-mismatch',
        `budget ${budget.id} is in ${budget.currency}, the call in ${currency}`,
      );
    }
    const usage = currentUsage(budget, usages, at);
    if (usage.spentNanos + usage.reservedNanos + estimateNanos > budget.limitNanos) {
      return {
        allowed: false,
        budgetId: budget.id,
        limitNanos: budget.limitNanos,
        spentNanos: usage.spentNanos,
        reservedNanos: usage.reservedNanos,
        estimateNanos,
      };
    }
    next.push({ ...usage, reservedNanos: usage.reservedNanos + estimateNanos });
  }
  return { allowed: true, usages: next };
}

/**
 * Settles one reservation on one usage row. `softLimitCrossed` is true for exactly the settle that
 * takes spend from below the soft limit to at or above it, so the alert is published once per window.
 */
export function settle(
  budget: Budget,
  usage: BudgetUsage,
  reservedNanos: number,
  actualNanos: number,
): { usage: BudgetUsage; softLimitCrossed: boolean } {
  assertAmount(reservedNanos);
  assertAmount(actualNanos);
  if (reservedNanos > usage.reservedNanos) {
    throw new RangeError(`settling ${reservedNanos} but only ${usage.reservedNanos} is reserved on ${budget.id}`);
  }
  const next = {
    ...usage,
    spentNanos: usage.spentNanos + actualNanos,
    reservedNanos: usage.reservedNanos - reservedNanos,
  };
  const soft = budget.softLimitNanos;
  const softLimitCrossed = soft !== undefined && usage.spentNanos < soft && next.spentNanos >= soft;
  return { usage: next, softLimitCrossed };
}

function currentUsage(budget: Budget, usages: readonly BudgetUsage[], at: Date): BudgetUsage {
  const windowStart = budgetWindow(budget.period, at).start;
  const row = usages.find((u) => u.budgetId === budget.id && u.windowStart.getTime() === windowStart.getTime());
  return row ?? { budgetId: budget.id, windowStart, spentNanos: 0, reservedNanos: 0 };
}

function assertAmount(nanos: number): void {
  if (!Number.isSafeInteger(nanos) || nanos < 0) throw new RangeError(`${nanos} is not a non-negative integer amount`);
}
