import { AiDomainError } from './ai-domain-error';

/**
 * A spend budget (after LiteLLM's budgets: max budget, soft budget, duration with reset): a hard
 * limit and an optional soft limit per UTC day or calendar month, for one feature or for all AI
 * spend. A call must fit EVERY budget that applies to it (the global ones and its feature's).
 * Amounts are nano-units of `currency` (ADR 0105). The period resets by itself: each window is a
 * separate usage row keyed by its start, so nothing needs a reset job.
 */
export type BudgetPeriod = 'day' | 'month';

export type BudgetScope = { readonly kind: 'global' } | { readonly kind: 'feature'; readonly feature: string };

export interface Budget {
  readonly id: string;
  readonly scope: BudgetScope;
  readonly currency: string;
  readonly period: BudgetPeriod;
  /** Hard limit: a call that could take spend past it is refused before it is made. */
  readonly limitNanos: number;
  /** Soft limit: crossing it publishes an alert once per window; nothing is refused. */
  readonly softLimitNanos?: number;
}

export interface BudgetWindow {
  /** Inclusive, 00:00 UTC. */
  readonly start: Date;
  /** Exclusive: the next window's start. */
  readonly end: Date;
}

/**
 * @throws AiDomainError `invalid-budget` (details.field) for a negative or non-integer amount, a soft
 *   limit above the hard one, an unknown period or currency code, or a feature scope without a name.
 */
export function checkBudget(budget: Budget): void {
  if (!Number.isSafeInteger(budget.limitNanos) || budget.limitNanos < 0) {
    invalid('limitNanos', 'the limit must be a non-negative integer of nano-units');
  }
  const soft = budget.softLimitNanos;
  if (soft !== undefined && (!Number.isSafeInteger(soft) || soft < 0 || soft > budget.limitNanos)) {
    invalid('softLimitNanos', 'the soft limit must be an integer between 0 and the limit');
  }
  if (budget.period !== 'day' && budget.period !== 'month') invalid('period', 'the period is day or month');
  if (!/^[A-Z]{3}$/.test(budget.currency)) invalid('currency', 'currency must be an ISO 4217 code such as USD');
  if (budget.scope.kind === 'feature' && !budget.scope.feature.trim())
    invalid('scope', 'a feature budget names its feature');
}

/** The UTC window of `period` that contains `at`. */
export function budgetWindow(period: BudgetPeriod, at: Date): BudgetWindow {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (period === 'month') return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
  const d = at.getUTCDate();
  return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) };
}

/**
 * The budgets a call of `feature` must fit, ordered by id — also the order in which the gateway
 * locks their usage rows, so concurrent reservations never deadlock.
 */
export function budgetsFor(budgets: readonly Budget[], feature: string): Budget[] {
  return budgets
    .filter((b) => b.scope.kind === 'global' || b.scope.feature === feature)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function invalid(field: string, message: string): never {
  throw new AiDomainError('invalid-budget', message, { field });
}
