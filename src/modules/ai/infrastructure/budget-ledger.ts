import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { BudgetSoftLimitReached } from '../contracts';
import { Budget, budgetWindow } from '../domain/budget';
import { settle } from '../domain/budget-reservation';
import { formatNanos } from '../domain/decimal-amount';
import { queryRows, updatedRows } from '../../../platform/database';

interface BudgetRow {
  id: string;
  scope: 'global' | 'feature';
  feature: string | null;
  currency: string;
  period: 'day' | 'month';
  limit_nanos: string;
  soft_limit_nanos: string | null;
}

export type Reservation =
  | { readonly allowed: true; readonly budgets: number }
  | { readonly allowed: false; readonly budgetId: string; readonly windowEnd: Date };

class Refused extends Error {
  constructor(readonly refusal: Extract<Reservation, { allowed: false }>) {
    super('refused');
  }
}

/**
 * Budgets enforced before the call (ADR 0105): `reserve` adds the call's maximum cost to every
 * applicable budget's window with one conditional UPDATE each (in id order, so concurrent calls never
 * deadlock), all or none; `settle` replaces the reservation by what the provider billed, in the
 * transaction that logs the call, and publishes `ai.BudgetSoftLimitReached.v1` once per window.
 */
@Injectable()
export class BudgetLedger {
  constructor(private readonly uow: UnitOfWork) {}

  async reserve(callId: string, feature: string, estimateNanos: number, at: Date, ttlMs: number): Promise<Reservation> {
    try {
      return await this.uow.run(async (tx) => {
        const budgets = await this.applicable(tx, feature);
        for (const budget of budgets) {
          const window = budgetWindow(budget.period, at);
          // One statement per budget: add the estimate to the window's usage only while it fits (a new
          // window's row starts at zero), and record the reservation; no row back = refused.
          const granted = await queryRows(
            tx.manager,
            `WITH granted AS (
               INSERT INTO budget_usage AS u (budget_id, window_start, reserved_nanos)
               SELECT $1::uuid, $2::timestamptz, $3::bigint WHERE $3::bigint <= $4::bigint
               ON CONFLICT (budget_id, window_start) DO UPDATE SET reserved_nanos = u.reserved_nanos + EXCLUDED.reserved_nanos
               WHERE u.spent_nanos + u.reserved_nanos + EXCLUDED.reserved_nanos <= $4::bigint
               RETURNING budget_id)
             INSERT INTO budget_reservations (call_id, budget_id, window_start, amount_nanos, expires_at)
             SELECT $5, budget_id, $2, $3, $6 FROM granted RETURNING budget_id`,
            [budget.id, window.start, estimateNanos, budget.limitNanos, callId, new Date(at.getTime() + ttlMs)],
          );
          if (granted.length === 0) throw new Refused({ allowed: false, budgetId: budget.id, windowEnd: window.end });
        }
        return { allowed: true, budgets: budgets.length } as const;
      });
    } catch (error) {
      if (error instanceof Refused) return error.refusal;
      throw error;
    }
  }

  /** Settles a call's open reservations at `actualNanos`, in the caller's transaction. */
  async settle(tx: Transaction, callId: string, actualNanos: number): Promise<void> {
    const open = await updatedRows<{ budget_id: string; window_start: Date; amount_nanos: string }>(
      tx.manager,
      `UPDATE budget_reservations SET settled_at = now(), settled_nanos = $2
       WHERE call_id = $1 AND settled_at IS NULL RETURNING budget_id, window_start, amount_nanos`,
      [callId, actualNanos],
    );
    for (const row of open.sort((a, b) => (a.budget_id < b.budget_id ? -1 : 1))) {
      await this.settleOne(tx, row.budget_id, row.window_start, Number(row.amount_nanos), actualNanos);
    }
  }

  /** Settles reservations whose call never ended (the process died) at their estimate; returns how many. */
  async settleExpired(now: Date): Promise<number> {
    return this.uow.run(async (tx) => {
      const expired = await updatedRows<{
        call_id: string;
        budget_id: string;
        window_start: Date;
        amount_nanos: string;
      }>(
        tx.manager,
        `UPDATE budget_reservations SET settled_at = now(), settled_nanos = amount_nanos
         WHERE (call_id, budget_id) IN (
           SELECT call_id, budget_id FROM budget_reservations WHERE settled_at IS NULL AND expires_at < $1
           ORDER BY budget_id LIMIT 100 FOR UPDATE SKIP LOCKED)
         RETURNING call_id, budget_id, window_start, amount_nanos`,
        [now],
      );
      for (const row of expired) {
        const amount = Number(row.amount_nanos);
        await this.settleOne(tx, row.budget_id, row.window_start, amount, amount);
      }
      return expired.length;
    });
  }

  private async settleOne(
    tx: Transaction,
    budgetId: string,
    windowStart: Date,
    reservedNanos: number,
    actualNanos: number,
  ): Promise<void> {
    const [row] = await queryRows<
      BudgetRow & { spent_nanos: string; reserved_nanos: string; soft_alerted_at: Date | null }
    >(
      tx.manager,
      `SELECT b.*, u.spent_nanos, u.reserved_nanos, u.soft_alerted_at FROM budget_usage u JOIN budgets b ON b.id = u.budget_id
       WHERE u.budget_id = $1 AND u.window_start = $2 FOR UPDATE OF u`,
      [budgetId, windowStart],
    );
    if (!row) return;
    const budget = toBudget(row);
    const before = {
      budgetId,
      windowStart,
      spentNanos: Number(row.spent_nanos),
      reservedNanos: Number(row.reserved_nanos),
    };
    const { usage, softLimitCrossed } = settle(
      budget,
      before,
      Math.min(reservedNanos, before.reservedNanos),
      actualNanos,
    );
    const alert = softLimitCrossed && row.soft_alerted_at === null;
    await tx.manager.query(
      `UPDATE budget_usage SET spent_nanos = $3, reserved_nanos = $4,
         soft_alerted_at = CASE WHEN $5::boolean THEN now() ELSE soft_alerted_at END
       WHERE budget_id = $1 AND window_start = $2`,
      [budgetId, windowStart, usage.spentNanos, usage.reservedNanos, alert],
    );
    if (!alert) return;
    tx.publish(
      new BudgetSoftLimitReached({
        budgetId,
        scope: budget.scope.kind,
        feature: budget.scope.kind === 'feature' ? budget.scope.feature : null,
        period: budget.period,
        windowStart: windowStart.toISOString(),
        currency: budget.currency,
        softLimit: formatNanos(budget.softLimitNanos ?? 0),
        limit: formatNanos(budget.limitNanos),
        spent: formatNanos(usage.spentNanos),
      }),
    );
  }

  private async applicable(tx: Transaction, feature: string): Promise<Budget[]> {
    const rows = await queryRows<BudgetRow>(
      tx.manager,
      `SELECT * FROM budgets WHERE active AND (scope = 'global' OR feature = $1) ORDER BY id`,
      [feature],
    );
    return rows.map(toBudget);
  }
}

export function toBudget(row: BudgetRow): Budget {
  return {
    id: row.id,
    scope: row.scope === 'global' ? { kind: 'global' } : { kind: 'feature', feature: row.feature ?? '' },
    currency: row.currency,
    period: row.period,
    limitNanos: Number(row.limit_nanos),
    ...(row.soft_limit_nanos !== null ? { softLimitNanos: Number(row.soft_limit_nanos) } : {}),
  };
}
