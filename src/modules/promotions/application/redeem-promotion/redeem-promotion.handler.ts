import { ICommandHandler } from '@nestjs/cqrs';
import { BatchedCommandHandler, Transaction, UnitOfWork } from '../../../../platform/messaging';
import {
  PromotionEvaluation,
  PromotionRedeemed,
  PromotionRefusalView,
  PromotionRejected,
  RedeemPromotion,
  RedeemPromotionResult,
} from '../../contracts';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { RedemptionRepository } from '../../infrastructure/redemption.repository';
import { checkedCart } from '../evaluate-promotions/promotion-cart';
import { PromotionPricing } from '../evaluate-promotions/promotion-pricing';
import { evaluationView } from '../evaluate-promotions/promotion-views';
import { countUses } from './count-uses';
import { checkedRedemption, firstRefusal } from './redemption-checks';

/**
 * `promotions.RedeemPromotion` (checkout's step): the order's promotions re-evaluated with the
 * customer known, then counted atomically (`countUses`), all or none, in one transaction with the
 * order's redemption record (the idempotency key) and the outgoing event. A repeat answers the first
 * outcome and publishes nothing.
 */
@BatchedCommandHandler(RedeemPromotion)
export class RedeemPromotionHandler implements ICommandHandler<RedeemPromotion> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly pricing: PromotionPricing,
    private readonly promotions: PromotionRepository,
    private readonly redemptions: RedemptionRepository,
  ) {}

  async execute(command: RedeemPromotion): Promise<RedeemPromotionResult> {
    const { orderId, expected } = checkedRedemption(command);
    const cart = checkedCart(command.codes, command.cart);
    const customerId = cart.customer!.customerId;
    // Evaluated before the transaction, never inside it: a read on another pooled connection while
    // holding one deadlocks a busy pool. The counts read here are a snapshot; countUses is the check.
    const now = new Date();
    const automatic = expected ? new Set(expected.promotionIds) : undefined;
    const evaluation = await this.pricing.evaluate(cart, now, automatic, orderId);
    const view = evaluationView(evaluation, cart.lines, cart.currency);
    return this.uow.run(async (tx) => {
      if (!(await this.redemptions.claim(tx, orderId, customerId))) {
        const earlier = (await this.redemptions.find(tx, orderId))!;
        return { outcome: earlier.status, refusal: earlier.refusal, evaluation: earlier.evaluation };
      }
      const refusal =
        firstRefusal(evaluation, view, expected) ??
        (await countUses(
          tx,
          { promotions: this.promotions, redemptions: this.redemptions },
          evaluation.applied,
          customerId,
        ));
      if (refusal) return this.reject(tx, orderId, customerId, refusal, now);
      await this.redemptions.markRedeemed(
        tx,
        orderId,
        evaluation.applied.map((p) => p.id),
        view,
      );
      tx.publish(new PromotionRedeemed(redeemedPayload(orderId, customerId, view, now)));
      return { outcome: 'redeemed' as const, refusal: null, evaluation: view };
    });
  }

  private async reject(
    tx: Transaction,
    orderId: string,
    customerId: string,
    refusal: PromotionRefusalView,
    now: Date,
  ): Promise<RedeemPromotionResult> {
    await this.redemptions.markRejected(tx, orderId, refusal);
    tx.publish(new PromotionRejected({ orderId, customerId, refusal, rejectedAt: now.toISOString() }));
    return { outcome: 'rejected', refusal, evaluation: null };
  }
}

function redeemedPayload(orderId: string, customerId: string, view: PromotionEvaluation, now: Date) {
  return {
    orderId,
    customerId,
    promotions: view.applied,
    lines: view.lines,
    shippingDiscount: view.shipping.discount,
    discountTotal: view.discountTotal,
    redeemedAt: now.toISOString(),
  };
}
