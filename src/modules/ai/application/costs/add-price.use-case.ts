import { Injectable } from '@nestjs/common';
import { CostAdmin, NewPrice, PriceView } from './cost-admin';

export interface AddPriceInput {
  readonly price: NewPrice;
  readonly by: string;
}

/** `POST /ai/prices`: a new price row from a date on. */
@Injectable()
export class AddPriceUseCase {
  constructor(private readonly costs: CostAdmin) {}

  execute(input: AddPriceInput): Promise<PriceView> {
    return this.costs.addPrice(input.price, input.by);
  }
}
