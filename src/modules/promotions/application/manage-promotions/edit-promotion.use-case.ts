import { Injectable } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { assertValidDefinition, codeTaken, PromotionFields, withFields } from './promotion-definition-input';
import { PromotionView, promotionView } from './promotion-view';

export type EditPromotionInput = PromotionFields & { readonly id: string };

/**
 * `PATCH /promotions/:id`: the fields sent replace (within `conditions` and `limits`, each one sent);
 * `{disabled: true}` stops a promotion at once: every later evaluation and redemption refuses it.
 * A code may get another code, but not `null` (automatic), nor an automatic promotion a code (400 `code`).
 * Uses already counted stay counted.
 */
@Injectable()
export class EditPromotionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly promotions: PromotionRepository,
  ) {}

  async execute(input: EditPromotionInput): Promise<PromotionView> {
    let code: string | null = null;
    try {
      return await this.uow.run(async (tx) => {
        const stored = await this.promotions.lock(tx, input.id);
        if (!stored) throw ProblemException.notFound('Promotion');
        const promotion = withFields(stored.promotion, input);
        code = promotion.code;
        // A code may be renamed, but not become automatic (every cart would get a private code's discount
        // from one `{code: null}`), nor an automatic promotion a code (every cart would lose it): create another.
        if ((stored.promotion.code === null) !== (promotion.code === null)) {
          throw ProblemException.validation(
            [new FieldError('code', 'a code cannot become an automatic promotion, nor the reverse: create a new one')],
            'The promotion definition is invalid.',
          );
        }
        assertValidDefinition(promotion, input.benefit);
        await this.promotions.save(tx, promotion);
        return promotionView({ promotion, redeemed: stored.redeemed });
      });
    } catch (error) {
      throw codeTaken(error, code);
    }
  }
}
