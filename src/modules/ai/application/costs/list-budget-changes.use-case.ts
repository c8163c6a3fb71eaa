import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { BudgetPeriod } from '../../domain/budget';
import { formatNanos } from '../../domain/decimal-amount';
import { BudgetChange, BudgetRepository } from '../../infrastructure/budget.repository';

/** `GET /ai/budgets/:id/changes`: whose history, how much of it. */
export interface ListBudgetChangesInput {
  readonly id: string;
  /** Versions at most, newest first (default 50). */
  readonly limit?: number;
}

/** What a budget setting was changed to; `created` for its first version. */
export type BudgetField = 'created' | 'limit' | 'softLimit' | 'period' | 'active';

/** One version of a budget as admins see it: its settings then, what changed, who, when. */
export interface BudgetChangeView {
  readonly changedAt: Date;
  /** The admin's user id (null: no person). */
  readonly changedBy: string | null;
  /** The settings this version changed from the one before. */
  readonly changed: readonly BudgetField[];
  readonly period: BudgetPeriod;
  readonly currency: string;
  /** Decimal strings of the currency. */
  readonly limit: string;
  readonly softLimit: string | null;
  readonly active: boolean;
}

/**
 * A budget's change history from the append-only `budget_changes`, newest first: every version of
 * its hard limit, soft limit, period (its reset: daily or monthly windows) and active flag, with the
 * admin who made it and when, and which settings each version changed. 404 for an unknown budget.
 */
@Injectable()
export class ListBudgetChangesUseCase {
  constructor(private readonly budgets: BudgetRepository) {}

  async execute({ id, limit = 50 }: ListBudgetChangesInput): Promise<{ items: BudgetChangeView[] }> {
    if (!(await this.budgets.find(id, new Date()))) throw ProblemException.notFound('Budget');
    const versions = await this.budgets.changes(id, limit + 1);
    const items = versions.slice(0, limit).map((version, i) => view(version, versions[i + 1]));
    return { items };
  }
}

function view(version: BudgetChange, before: BudgetChange | undefined): BudgetChangeView {
  const b = version.budget;
  const settings = {
    limit: formatNanos(b.limitNanos),
    softLimit: b.softLimitNanos === undefined || b.softLimitNanos === null ? null : formatNanos(b.softLimitNanos),
    period: b.period,
    active: version.active,
  };
  const previous = before && view(before, undefined);
  const changed: BudgetField[] = previous
    ? (['limit', 'softLimit', 'period', 'active'] as const).filter((field) => settings[field] !== previous[field])
    : ['created'];
  return { changedAt: version.changedAt, changedBy: version.changedBy, changed, currency: b.currency, ...settings };
}
