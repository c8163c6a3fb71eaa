import { Injectable } from '@nestjs/common';
import { CostAdmin } from './cost-admin';

export interface ViewSpendInput {
  /** First UTC day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  /** Last UTC day, exclusive. */
  readonly to: string;
  readonly feature: string | null;
}

/** `GET /ai/spend`: daily roll-ups and totals per currency. */
@Injectable()
export class ViewSpendUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(input: ViewSpendInput): Promise<{ items: unknown[]; totals: unknown }> {
    return this.costs.spendRows(input.from, input.to, input.feature);
  }
}
