import { ICommandHandler } from '@nestjs/cqrs';
import { FieldError, ProblemException } from '../../../../platform/http';
import { isUuid } from '../../../../platform/ids';
import { BatchedCommandHandler, UnitOfWork } from '../../../../platform/messaging';
import { ReleasePromotionRedemption, ReleasePromotionRedemptionResult } from '../../contracts';
import { RedemptionRelease } from './redemption-release';

/**
 * `promotions.ReleasePromotionRedemption` (compensation): the order's redemption given back once
 * (`RedemptionRelease`). A repeat finds nothing to release; a release before the redemption leaves a
 * tombstone, so the late one counts nothing.
 */
@BatchedCommandHandler(ReleasePromotionRedemption)
export class ReleasePromotionRedemptionHandler implements ICommandHandler<ReleasePromotionRedemption> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly redemption: RedemptionRelease,
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
    return this.uow.run((tx) => this.redemption.release(tx, orderId, reason));
  }
}
