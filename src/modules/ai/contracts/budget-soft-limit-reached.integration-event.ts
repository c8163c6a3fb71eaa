import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface BudgetSoftLimitReachedPayload {
  readonly budgetId: string;
  /** `global`, or the feature the budget is for. */
  readonly scope: 'global' | 'feature';
  readonly feature: string | null;
  readonly period: 'day' | 'month';
  /** Start of the window (UTC, ISO 8601). */
  readonly windowStart: string;
  readonly currency: string;
  /** Decimal strings of the currency, e.g. `"8.000000000"`. */
  readonly softLimit: string;
  readonly limit: string;
  readonly spent: string;
}

/**
 * An AI spend budget's spend crossed its soft limit in the current window (published once per
 * window, by the call that crossed it). Nothing is refused yet; notifications may email the admins.
 */
@IntegrationEventContract(
  'ai.BudgetSoftLimitReached.v1',
  () =>
    new BudgetSoftLimitReached({
      budgetId: '0190a000-0000-7000-8000-000000000001',
      scope: 'feature',
      feature: 'catalog.description-drafts',
      period: 'month',
      windowStart: '2026-11-01T00:00:00.000Z',
      currency: 'USD',
      softLimit: '8.000000000',
      limit: '10.000000000',
      spent: '8.000120000',
    }),
  { key: (e) => e.payload.budgetId },
)
export class BudgetSoftLimitReached extends IntegrationEvent<BudgetSoftLimitReachedPayload> {}
