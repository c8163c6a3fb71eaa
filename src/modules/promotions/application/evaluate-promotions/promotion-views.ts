import { Money } from '../../../../platform/money';
import { PromotionEvaluation, PromotionRefusalView } from '../../contracts';
import { Evaluation } from '../../domain/evaluation';
import { DiscountableLine } from '../../domain/promotion';
import { describeRefusal, PromotionRefusal } from '../../domain/promotion-refusal';

/** A domain refusal as the contracts carry it (flat, with its `detail` sentence). */
export function refusalView(refusal: PromotionRefusal): PromotionRefusalView {
  const detail = describeRefusal(refusal);
  if (refusal.type === 'promotion-unknown') {
    return { type: refusal.type, code: refusal.code, promotionId: null, detail };
  }
  return { ...refusal, detail };
}

/** The evaluation as the contracts carry it: every amount as money in the cart's currency. */
export function evaluationView(
  evaluation: Evaluation,
  lines: readonly DiscountableLine[],
  currency: string,
): PromotionEvaluation {
  const money = (amount: number): Money => ({ amount, currency });
  const shares = (list: readonly { promotionId: string; amount: number }[]) =>
    list.map((share) => ({ promotionId: share.promotionId, amount: money(share.amount) }));
  const { discounts } = evaluation;
  const taken = new Map(discounts.byPromotion.map((share) => [share.promotionId, share.amount]));
  const lineTotal = discounts.lines.reduce((sum, line) => sum + line.amount, 0);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    applied: evaluation.applied.map((p) => ({
      promotionId: p.id,
      code: p.code,
      benefit: p.benefit.type,
      combinable: p.combinable,
      amount: money(taken.get(p.id) ?? 0),
    })),
    lines: discounts.lines.map((line) => ({
      lineId: line.lineId,
      discount: money(line.amount),
      byPromotion: shares(line.byPromotion),
    })),
    shipping: { discount: money(discounts.shipping.amount), byPromotion: shares(discounts.shipping.byPromotion) },
    discountTotal: money(lineTotal + discounts.shipping.amount),
    discountedSubtotal: money(subtotal - lineTotal),
    refused: evaluation.refusedCodes.map(refusalView),
    leftOut: evaluation.leftOut.map(refusalView),
  };
}
