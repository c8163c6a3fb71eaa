import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { UnitOfWork } from '../../../../platform/messaging';
import { definePromotion } from '../../domain/promotion';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import {
  assertValidDefinition,
  BenefitInput,
  codeTaken,
  PromotionFields,
  toBenefit,
  withFields,
} from './promotion-definition-input';
import { PromotionView, promotionView } from './promotion-view';

export type CreatePromotionInput = PromotionFields & { readonly benefit: BenefitInput };

/**
 * `POST /promotions`: a code (with `code`) or an automatic promotion (without), checked by the
 * definition rules (a bad field is a 400 naming it); a code another promotion has is a 409.
 */
@Injectable()
export class CreatePromotionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly promotions: PromotionRepository,
  ) {}

  async execute(input: CreatePromotionInput): Promise<PromotionView> {
    const base = definePromotion({ id: uuidv7(), benefit: toBenefit(input.benefit) });
    const promotion = withFields(base, input);
    assertValidDefinition(promotion, input.benefit);
    try {
      await this.uow.run((tx) => this.promotions.save(tx, promotion));
    } catch (error) {
      throw codeTaken(error, promotion.code);
    }
    return promotionView({ promotion, redeemed: 0 });
  }
}
