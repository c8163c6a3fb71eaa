import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { ReleasePromotionRedemptionResult } from '../../contracts';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { RedemptionRepository } from '../../infrastructure/redemption.repository';

/**
 * Gives back an order's redemption once, in the caller's transaction: marked released, then each use
 * returned (total and per customer, in id order). Nothing to release leaves a tombstone, so a late
 * redemption of the order counts nothing.
 */
@Injectable()
export class RedemptionRelease {
  constructor(
    private readonly promotions: PromotionRepository,
    private readonly redemptions: RedemptionRepository,
  ) {}

  async release(tx: Transaction, orderId: string, reason: string): Promise<ReleasePromotionRedemptionResult> {
    const release = () => this.redemptions.release(tx, orderId, reason);
    let released = await release();
    // A redemption still being made was invisible to the first try; the tombstone insert waits for it.
    if (!released && !(await this.redemptions.tombstone(tx, orderId, reason))) released = await release();
    if (!released) return { outcome: 'nothing-to-release' };
    for (const promotionId of [...released.promotionIds].sort()) {
      await this.promotions.giveUseBack(tx, promotionId);
      await this.redemptions.giveCustomerUseBack(tx, promotionId, released.customerId);
    }
    return { outcome: 'released' };
  }
}
