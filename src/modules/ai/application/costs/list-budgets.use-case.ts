import { Injectable } from '@nestjs/common';
import { BudgetView, CostAdmin } from './cost-admin';

/** `GET /ai/budgets`: with the current window's spend and reservations. */
@Injectable()
export class ListBudgetsUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(): Promise<BudgetView[]> {
    return this.costs.listBudgets();
  }
}
