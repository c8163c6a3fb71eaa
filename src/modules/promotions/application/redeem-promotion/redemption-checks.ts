import { FieldError, ProblemException } from '../../../../platform/http';
import { isUuid } from '../../../../platform/ids';
import { ExpectedPromotions, PromotionEvaluation, PromotionRefusalView, RedeemPromotion } from '../../contracts';
import { Evaluation } from '../../domain/evaluation';
import { refusalView } from '../evaluate-promotions/promotion-views';

/** The command's own fields checked: a malformed one is a caller's bug, a 400 problem naming it. */
export function checkedRedemption(command: RedeemPromotion): { orderId: string; expected: ExpectedPromotions | null } {
  const errors: FieldError[] = [];
  if (!isUuid(command.orderId)) errors.push(new FieldError('orderId', 'must be a UUID'));
  const customer = (command.cart as { customer?: unknown } | null)?.customer;
  if (customer == null) errors.push(new FieldError('cart.customer', 'a redemption needs the customer'));
  const expected = command.expected as Partial<ExpectedPromotions> | null;
  if (expected !== null) {
    const ids = expected?.promotionIds;
    if (!Array.isArray(ids) || ids.length > 50 || !ids.every((id) => isUuid(id))) {
      errors.push(new FieldError('expected.promotionIds', 'must be a list of at most 50 UUIDs'));
    }
    const total = expected?.discountTotal;
    if (typeof total !== 'object' || total === null || !Number.isSafeInteger(total.amount)) {
      errors.push(new FieldError('expected.discountTotal', 'must be money in minor units'));
    }
  }
  if (errors.length > 0) throw ProblemException.validation(errors, 'RedeemPromotion is malformed.');
  return {
    orderId: command.orderId.toLowerCase(),
    expected: expected && {
      promotionIds: expected.promotionIds!.map((id) => id.toLowerCase()),
      discountTotal: expected.discountTotal!,
    },
  };
}

const changed = (detail: string): PromotionRefusalView => ({
  type: 'promotion-changed',
  code: null,
  promotionId: null,
  detail,
});

/**
 * Why the order's promotions cannot be redeemed as they stand, or null: a code that no longer applies
 * (its refusal), an expected automatic promotion that no longer applies (its refusal), or a discount
 * other than the one the customer accepted (`promotion-changed`).
 */
export function firstRefusal(
  evaluation: Evaluation,
  view: PromotionEvaluation,
  expected: ExpectedPromotions | null,
): PromotionRefusalView | null {
  if (evaluation.refusedCodes.length > 0) return refusalView(evaluation.refusedCodes[0]);
  if (!expected) return null;
  const applied = new Set(evaluation.applied.map((p) => p.id));
  const missing = expected.promotionIds.find((id) => !applied.has(id));
  if (missing !== undefined) {
    const why = evaluation.leftOut.find((r) => r.type !== 'promotion-unknown' && r.promotionId === missing);
    return why ? refusalView(why) : changed(`Promotion ${missing} no longer applies to this order.`);
  }
  const { discountTotal } = view;
  if (
    expected.discountTotal.amount !== discountTotal.amount ||
    expected.discountTotal.currency !== discountTotal.currency
  ) {
    return changed(
      `The discount is ${discountTotal.amount} ${discountTotal.currency} now, not the ${expected.discountTotal.amount} accepted.`,
    );
  }
  return null;
}
