import { Injectable } from '@nestjs/common';
import { BudgetInput, BudgetView, CostAdmin } from './cost-admin';

export interface CreateBudgetInput {
  readonly budget: BudgetInput;
  readonly by: string;
}

/** `POST /ai/budgets`. */
@Injectable()
export class CreateBudgetUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(input: CreateBudgetInput): Promise<BudgetView> {
    return this.costs.createBudget(input.budget, input.by);
  }
}
