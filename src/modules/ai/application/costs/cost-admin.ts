import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { Budget, BudgetPeriod, checkBudget } from '../../domain/budget';
import {
  formatNanos,
  formatUnits,
  parseCostNanos,
  parsePricePerMillion,
  PRICE_SCALE,
} from '../../domain/decimal-amount';
import { checkModelPrice, ModelPrice } from '../../domain/model-price-table';
import { BudgetRepository, BudgetWithUsage } from '../../infrastructure/budget.repository';
import { PriceRepository, StoredModelPrice } from '../../infrastructure/price.repository';
import { SpendReader, SpendRow } from '../../infrastructure/spend.reader';
import { answeringProblems } from '../ai-problems';
import { PriceTable } from './price-table';

/** Prices as the API shows them: decimal strings of the currency per 1M tokens. */
export interface PriceView {
  readonly id: string;
  readonly modelName: string;
  readonly matchPattern: string;
  readonly effectiveFrom: Date;
  readonly currency: string;
  readonly perMillionTokens: Record<string, string | null>;
  readonly source: 'default' | 'admin';
  readonly note: string | null;
}

export interface NewPrice {
  readonly modelName: string;
  readonly matchPattern: string;
  readonly effectiveFrom?: Date;
  readonly currency: string;
  /** Decimal strings per 1M tokens, e.g. `"0.15"`. */
  readonly input: string;
  readonly output: string;
  readonly cachedInput?: string;
  readonly cacheWrite?: string;
  readonly reasoning?: string;
  readonly note?: string;
}

export interface BudgetView {
  readonly id: string;
  readonly scope: 'global' | 'feature';
  readonly feature: string | null;
  readonly period: BudgetPeriod;
  readonly currency: string;
  readonly limit: string;
  readonly softLimit: string | null;
  readonly active: boolean;
  readonly window: { readonly start: Date; readonly end: Date; readonly spent: string; readonly reserved: string };
  readonly softAlertedAt: Date | null;
}

export interface BudgetInput {
  readonly scope: 'global' | 'feature';
  readonly feature?: string;
  readonly period: BudgetPeriod;
  /** Decimal strings of the currency, e.g. `"25.00"`. */
  readonly limit: string;
  readonly softLimit?: string | null;
  readonly active?: boolean;
}

/** The cost manager's admin side: the price table (history kept), budgets, spend roll-ups. */
@Injectable()
export class CostAdmin {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prices: PriceRepository,
    private readonly table: PriceTable,
    private readonly budgets: BudgetRepository,
    private readonly spend: SpendReader,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async listPrices(): Promise<PriceView[]> {
    return (await this.prices.all()).reverse().map(priceView);
  }

  /** A new price row (a price change is a new row with a later date; old calls keep their price). */
  addPrice(input: NewPrice, by: string): Promise<PriceView> {
    return answeringProblems(async () => {
      const price: StoredModelPrice = {
        id: uuidv7(),
        modelName: input.modelName.trim(),
        matchPattern: input.matchPattern,
        effectiveFrom: input.effectiveFrom ?? new Date(),
        currency: input.currency,
        prices: {
          input: parsePricePerMillion(input.input),
          output: parsePricePerMillion(input.output),
          ...(input.cachedInput != null ? { cachedInput: parsePricePerMillion(input.cachedInput) } : {}),
          ...(input.cacheWrite != null ? { cacheWrite: parsePricePerMillion(input.cacheWrite) } : {}),
          ...(input.reasoning != null ? { reasoning: parsePricePerMillion(input.reasoning) } : {}),
        },
        source: 'admin',
        note: input.note ?? null,
        createdBy: by,
      };
      checkModelPrice(price);
      await this.uow.run((tx) => this.prices.insert(tx, price));
      this.table.invalidate();
      return priceView(price);
    });
  }

  async listBudgets(): Promise<BudgetView[]> {
    return (await this.budgets.list(new Date())).map(budgetView);
  }

  createBudget(input: BudgetInput, by: string): Promise<BudgetView> {
    return this.saveBudget(uuidv7(), input, by);
  }

  async updateBudget(id: string, input: BudgetInput, by: string): Promise<BudgetView> {
    const current = await this.budgets.find(id, new Date());
    if (!current) throw ProblemException.notFound('Budget');
    const scope = current.budget.scope;
    if (input.scope !== scope.kind || (scope.kind === 'feature' && input.feature !== scope.feature)) {
      throw ProblemException.conflict('budget-scope-fixed', 'A budget keeps its scope; create another one.');
    }
    return this.saveBudget(id, input, by);
  }

  async spendRows(from: string, to: string, feature: string | null): Promise<{ items: SpendRow[]; totals: unknown }> {
    const items = await this.spend.rows(from, to, feature);
    const totals: Record<string, { calls: number; unpricedCalls: number; cost: string }> = {};
    const nanos: Record<string, number> = {};
    for (const row of items) {
      const key = row.currency || 'unpriced';
      nanos[key] = (nanos[key] ?? 0) + row.costNanos;
      const t = (totals[key] ??= { calls: 0, unpricedCalls: 0, cost: '' });
      t.calls += row.calls;
      t.unpricedCalls += row.unpricedCalls;
    }
    for (const [key, value] of Object.entries(nanos)) totals[key].cost = formatNanos(value);
    return { items, totals };
  }

  private saveBudget(id: string, input: BudgetInput, by: string): Promise<BudgetView> {
    return answeringProblems(async () => {
      const budget: Budget = {
        id,
        scope: input.scope === 'feature' ? { kind: 'feature', feature: input.feature ?? '' } : { kind: 'global' },
        currency: this.config.budgetCurrency,
        period: input.period,
        limitNanos: parseCostNanos(input.limit),
        ...(input.softLimit ? { softLimitNanos: parseCostNanos(input.softLimit) } : {}),
      };
      checkBudget(budget);
      await this.uow.run((tx) => this.budgets.save(tx, budget, input.active ?? true, by));
      return budgetView((await this.budgets.find(id, new Date()))!);
    });
  }
}

function priceView(p: ModelPrice & { note?: string | null }): PriceView {
  const f = (v: number | undefined) => (v === undefined ? null : formatUnits(v, PRICE_SCALE));
  return {
    id: p.id,
    modelName: p.modelName,
    matchPattern: p.matchPattern,
    effectiveFrom: p.effectiveFrom,
    currency: p.currency,
    perMillionTokens: {
      input: f(p.prices.input),
      cachedInput: f(p.prices.cachedInput),
      cacheWrite: f(p.prices.cacheWrite),
      output: f(p.prices.output),
      reasoning: f(p.prices.reasoning),
    },
    source: p.source,
    note: p.note ?? null,
  };
}

function budgetView(b: BudgetWithUsage): BudgetView {
  return {
    id: b.budget.id,
    scope: b.budget.scope.kind,
    feature: b.budget.scope.kind === 'feature' ? b.budget.scope.feature : null,
    period: b.budget.period,
    currency: b.budget.currency,
    limit: formatNanos(b.budget.limitNanos),
    softLimit: b.budget.softLimitNanos === undefined ? null : formatNanos(b.budget.softLimitNanos),
    active: b.active,
    window: { ...b.window, spent: formatNanos(b.spentNanos), reserved: formatNanos(b.reservedNanos) },
    softAlertedAt: b.softAlertedAt,
  };
}
