import { sumMinorUnits } from '../../../platform/money';
import { amountIn, DiscountableLine, inScope, Promotion } from './promotion';
import { PromotionRefusal } from './promotion-refusal';

/** What the cart (or checkout) knows of the customer. */
export interface CustomerFacts {
  readonly customerId: string;
  /** Orders this customer placed before, not counting cancelled ones. */
  readonly previousOrders: number;
}

export interface EligibilityContext {
  readonly now: Date;
  /** The cart's one currency (ISO 4217). */
  readonly currency: string;
  readonly lines: readonly DiscountableLine[];
  /**
   * `null` for a guest cart: the per-customer limit and the first-order condition cannot be known yet
   * and are not checked here. Checkout always has a customer and checks them (and a guest cart claimed
   * by a customer is priced again).
   */
  readonly customer: CustomerFacts | null;
  /** Redemptions counted so far (given-back ones excluded): by everyone, and by this customer. */
  readonly redemptions: { readonly total: number; readonly byCustomer: number };
}

/**
 * Whether a promotion applies to a cart, or the first reason it does not, checked in this order:
 * disabled → not started → expired → exhausted (total, then per customer) → ineligible (currency,
 * first order, scope, minimum subtotal). Whether it combines with the others is a separate question
 * (`combination.ts`). The counts are a snapshot: the redemption step at checkout counts atomically.
 * @returns `null` when eligible.
 */
export function checkEligibility(promotion: Promotion, context: EligibilityContext): PromotionRefusal | null {
  const who = { promotionId: promotion.id, code: promotion.code };
  if (promotion.disabled) return { ...who, type: 'promotion-disabled' };
  if (promotion.startsAt && context.now < promotion.startsAt) {
    return { ...who, type: 'promotion-not-started', startsAt: promotion.startsAt.toISOString() };
  }
  if (promotion.endsAt && context.now >= promotion.endsAt) {
    return { ...who, type: 'promotion-expired', endedAt: promotion.endsAt.toISOString() };
  }
  const { totalRedemptions, perCustomer } = promotion.limits;
  if (totalRedemptions !== null && context.redemptions.total >= totalRedemptions) {
    return { ...who, type: 'promotion-exhausted', limit: 'total', maxRedemptions: totalRedemptions };
  }
  if (context.customer && perCustomer !== null && context.redemptions.byCustomer >= perCustomer) {
    return { ...who, type: 'promotion-exhausted', limit: 'per-customer', maxRedemptions: perCustomer };
  }
  const condition = unmetCondition(promotion, context);
  if (!condition) return null;
  if (condition === 'minimum-subtotal') {
    const amount = amountIn(promotion.conditions.minimumSubtotal, context.currency)!;
    return { ...who, type: 'promotion-ineligible', condition, minimumSubtotal: { amount, currency: context.currency } };
  }
  return { ...who, type: 'promotion-ineligible', condition };
}

function unmetCondition(promotion: Promotion, context: EligibilityContext) {
  const { benefit, conditions } = promotion;
  const minimumAmount = amountIn(conditions.minimumSubtotal, context.currency);
  if (benefit.type === 'fixed-amount' && amountIn(benefit.amounts, context.currency) === undefined) return 'currency';
  if (conditions.minimumSubtotal && minimumAmount === undefined) return 'currency';
  if (conditions.firstOrderOnly && context.customer && context.customer.previousOrders > 0) return 'first-order';
  const lines = context.lines.filter((line) => inScope(promotion, line));
  if (conditions.scope && lines.length === 0) return 'scope';
  if (minimumAmount !== undefined && sumMinorUnits(lines.map((line) => line.amount)) < minimumAmount) {
    return 'minimum-subtotal';
  }
  return null;
}
