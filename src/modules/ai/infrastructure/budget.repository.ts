import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { Budget, budgetWindow } from '../domain/budget';
import { toBudget } from './budget-ledger';
import { queryRows } from '../../../platform/database';

export interface BudgetWithUsage {
  readonly budget: Budget;
  readonly active: boolean;
  readonly window: { readonly start: Date; readonly end: Date };
  readonly spentNanos: number;
  readonly reservedNanos: number;
  readonly softAlertedAt: Date | null;
}

/** One recorded version of a budget: what it became, who made it so, when. */
export interface BudgetChange {
  readonly id: string;
  readonly budget: Budget;
  readonly active: boolean;
  /** The admin's user id; null for a change made by no person. */
  readonly changedBy: string | null;
  readonly changedAt: Date;
}

/** `ai.budgets`, their changes (append-only `budget_changes`) and their usage in the current window. */
@Injectable()
export class BudgetRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async list(now: Date): Promise<BudgetWithUsage[]> {
    const rows = await queryRows<Record<string, string | null> & { active: boolean }>(
      this.uow.reader,
      `SELECT * FROM budgets ORDER BY id`,
    );
    const out: BudgetWithUsage[] = [];
    for (const row of rows) out.push(await this.withUsage(toBudget(row as never), row.active, now));
    return out;
  }

  async find(id: string, now: Date): Promise<BudgetWithUsage | undefined> {
    const [row] = await queryRows<Record<string, string | null> & { active: boolean }>(
      this.uow.reader,
      `SELECT * FROM budgets WHERE id = $1`,
      [id],
    );
    return row && this.withUsage(toBudget(row as never), row.active, now);
  }

  /** A budget's recorded versions (`budget_changes`), newest first, at most `limit`. */
  async changes(id: string, limit: number): Promise<BudgetChange[]> {
    const rows = await queryRows<{
      id: string;
      snapshot: Budget & { active: boolean };
      changed_by: string | null;
      changed_at: Date;
    }>(
      this.uow.reader,
      `SELECT id, snapshot, changed_by, changed_at FROM budget_changes WHERE budget_id = $1
        ORDER BY changed_at DESC, id DESC LIMIT $2`,
      [id, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      budget: row.snapshot,
      active: row.snapshot.active,
      changedBy: row.changed_by,
      changedAt: row.changed_at,
    }));
  }

  /** Inserts or replaces a budget and records the new version in `budget_changes`. */
  async save(tx: Transaction, budget: Budget, active: boolean, by: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO budgets (id, scope, feature, currency, period, limit_nanos, soft_limit_nanos, active, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (id) DO UPDATE SET limit_nanos = EXCLUDED.limit_nanos, soft_limit_nanos = EXCLUDED.soft_limit_nanos,
         active = EXCLUDED.active, period = EXCLUDED.period, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        budget.id,
        budget.scope.kind,
        budget.scope.kind === 'feature' ? budget.scope.feature : null,
        budget.currency,
        budget.period,
        budget.limitNanos,
        budget.softLimitNanos ?? null,
        active,
        by,
      ],
    );
    await tx.manager.query(`INSERT INTO budget_changes (id, budget_id, snapshot, changed_by) VALUES ($1, $2, $3, $4)`, [
      uuidv7(),
      budget.id,
      JSON.stringify({ ...budget, active }),
      by,
    ]);
  }

  private async withUsage(budget: Budget, active: boolean, now: Date): Promise<BudgetWithUsage> {
    const window = budgetWindow(budget.period, now);
    const [usage] = await queryRows<{ spent_nanos: string; reserved_nanos: string; soft_alerted_at: Date | null }>(
      this.uow.reader,
      `SELECT spent_nanos, reserved_nanos, soft_alerted_at FROM budget_usage WHERE budget_id = $1 AND window_start = $2`,
      [budget.id, window.start],
    );
    return {
      budget,
      active,
      window,
      spentNanos: Number(usage?.spent_nanos ?? 0),
      reservedNanos: Number(usage?.reserved_nanos ?? 0),
      softAlertedAt: usage?.soft_alerted_at ?? null,
    };
  }
}
