import { Injectable } from '@nestjs/common';
import { BudgetInput, BudgetView, CostAdmin } from './cost-admin';

export interface UpdateBudgetInput {
  readonly id: string;
  readonly budget: BudgetInput;
  readonly by: string;
}

/** `PUT /ai/budgets/:id`: every version kept. */
@Injectable()
export class UpdateBudgetUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(input: UpdateBudgetInput): Promise<BudgetView> {
    return this.costs.updateBudget(input.id, input.budget, input.by);
  }
}
