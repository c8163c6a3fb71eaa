import { Injectable } from '@nestjs/common';
import { CostAdmin, PriceView } from './cost-admin';

/** `GET /ai/prices`: the price table with its history. */
@Injectable()
export class ListPricesUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(): Promise<PriceView[]> {
    return this.costs.listPrices();
  }
}
