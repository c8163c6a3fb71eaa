import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { PromotionView, promotionView } from './promotion-view';

export interface ViewPromotionInput {
  readonly id: string;
}

/** `GET /promotions/:id`: one promotion with its count of uses, or 404. */
@Injectable()
export class ViewPromotionUseCase {
  constructor(private readonly promotions: PromotionRepository) {}

  async execute(input: ViewPromotionInput): Promise<PromotionView> {
    const stored = await this.promotions.find(input.id);
    if (!stored) throw ProblemException.notFound('Promotion');
    return promotionView(stored);
  }
}
