import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FieldError, ProblemException } from '../../../../platform/http';
import { isUuid } from '../../../../platform/ids';
import { UnitOfWork } from '../../../../platform/messaging';
import { ReleasePromotionRedemption, ReleasePromotionRedemptionResult } from '../../contracts';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { RedemptionRepository } from '../../infrastructure/redemption.repository';

/**
 * `promotions.ReleasePromotionRedemption` (compensation): the order's redemption marked released once,
 * and each of its uses given back (total and per customer) in the same transaction. A repeat finds
 * nothing to release; a release before the redemption leaves a tombstone, so the late one counts nothing.
 */
@CommandHandler(ReleasePromotionRedemption)
export class ReleasePromotionRedemptionHandler implements ICommandHandler<ReleasePromotionRedemption> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly promotions: PromotionRepository,
    private readonly redemptions: RedemptionRepository,
  ) {}

  async execute(command: ReleasePromotionRedemption): Promise<ReleasePromotionRedemptionResult> {
    if (!isUuid(command.orderId)) {
      throw ProblemException.validation(
        [new FieldError('orderId', 'must be a UUID')],
        'ReleasePromotionRedemption is malformed.',
      );
    }
    const orderId = command.orderId.toLowerCase();
    const reason = typeof command.reason === 'string' && command.reason ? command.reason.slice(0, 200) : 'released';
    return this.uow.run(async (tx) => {
      const release = () => this.redemptions.release(tx, orderId, reason);
      let released = await release();
      // A redemption still being made was invisible to the first try; the tombstone insert waits for it.
      if (!released && !(await this.redemptions.tombstone(tx, orderId, reason))) released = await release();
      if (!released) return { outcome: 'nothing-to-release' as const };
      for (const promotionId of [...released.promotionIds].sort()) {
        await this.promotions.giveUseBack(tx, promotionId);
        await this.redemptions.giveCustomerUseBack(tx, promotionId, released.customerId);
      }
      return { outcome: 'released' as const };
    });
  }
}
