import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PromotionRepository } from '../../infrastructure/promotion.repository';

export interface DeletePromotionInput {
  readonly id: string;
}

/** `DELETE /promotions/:id`: only a promotion no order ever redeemed (else 409: disable it instead). */
@Injectable()
export class DeletePromotionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly promotions: PromotionRepository,
  ) {}

  async execute(input: DeletePromotionInput): Promise<void> {
    const deleted = await this.uow.run((tx) => this.promotions.deleteUnredeemed(tx, input.id));
    if (deleted) return;
    if (!(await this.promotions.find(input.id))) throw ProblemException.notFound('Promotion');
    throw ProblemException.conflict(
      'promotion-has-redemptions',
      'Orders redeemed this promotion; disable it instead ({"disabled": true}).',
      { promotionId: input.id },
    );
  }
}
