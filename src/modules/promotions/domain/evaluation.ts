import { selectPromotions } from './combination';
import { computeDiscounts, Discounts } from './discounts';
import { checkEligibility, CustomerFacts } from './eligibility';
import { DiscountableLine, Promotion } from './promotion';
import { PromotionRefusal, unknownPromotion } from './promotion-refusal';

/** Redemptions counted so far for one promotion: by everyone, and by the customer being priced. */
export interface RedemptionCounts {
  readonly total: number;
  readonly byCustomer: number;
}

export interface EvaluationInput {
  readonly now: Date;
  readonly currency: string;
  readonly lines: readonly DiscountableLine[];
  /** The shipping price before its discount, minor units; 0 when none is chosen. */
  readonly shippingAmount: number;
  readonly customer: CustomerFacts | null;
  /** The codes the customer applied, in order, each with the promotion it names (null: unknown code). */
  readonly codes: readonly { readonly code: string; readonly promotion: Promotion | null }[];
  /** The enabled automatic promotions to consider. */
  readonly automatic: readonly Promotion[];
  readonly redemptions: (promotionId: string) => RedemptionCounts;
}

export interface Evaluation {
  /** What applies, in selection order (codes first, then automatic promotions by id). */
  readonly applied: readonly Promotion[];
  readonly discounts: Discounts;
  /** One refusal per code that does not apply (unknown, ineligible, or not combinable with an earlier code). */
  readonly refusedCodes: readonly PromotionRefusal[];
  /** Automatic promotions left out: not eligible, or not combinable with what applies. */
  readonly leftOut: readonly PromotionRefusal[];
}

/**
 * The whole promotions step of pricing (ADR 0107): each code and automatic promotion checked for
 * eligibility, the eligible ones selected by the combination rules, the discounts computed on goods
 * (largest remainder for fixed amounts) and on shipping.
 */
export function evaluatePromotions(input: EvaluationInput): Evaluation {
  const refusal = (promotion: Promotion) =>
    checkEligibility(promotion, {
      now: input.now,
      currency: input.currency,
      lines: input.lines,
      customer: input.customer,
      redemptions: input.redemptions(promotion.id),
    });
  const refusedCodes: PromotionRefusal[] = [];
  const eligibleCodes: Promotion[] = [];
  for (const { code, promotion } of input.codes) {
    const refused = promotion ? refusal(promotion) : unknownPromotion(code);
    if (refused) refusedCodes.push(refused);
    else eligibleCodes.push(promotion!);
  }
  const leftOut: PromotionRefusal[] = [];
  const eligibleAutomatic = input.automatic.filter((promotion) => {
    const refused = refusal(promotion);
    if (refused) leftOut.push(refused);
    return !refused;
  });
  const selection = selectPromotions(eligibleCodes, eligibleAutomatic);
  const codeIds = new Set(eligibleCodes.map((p) => p.id));
  for (const skipped of selection.skipped) {
    if (skipped.type !== 'promotion-unknown' && codeIds.has(skipped.promotionId)) refusedCodes.push(skipped);
    else leftOut.push(skipped);
  }
  const discounts = computeDiscounts(selection.applied, input.lines, input.shippingAmount, input.currency);
  return { applied: selection.applied, discounts, refusedCodes, leftOut };
}
