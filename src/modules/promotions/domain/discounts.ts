import { allocateByLargestRemainder, isRatePpm, mulDivHalfUp, PPM, sumMinorUnits } from '../../../platform/money';
import { amountIn, DiscountableLine, inScope, Promotion } from './promotion';

/** What one promotion took off one line or off shipping, in minor units. */
export interface PromotionShare {
  readonly promotionId: string;
  readonly amount: number;
}

/** What the applied promotions took off one line or off shipping, in minor units. */
export interface Discount {
  /** Σ of `byPromotion`; never more than the line's amount or the shipping price. */
  readonly amount: number;
  readonly byPromotion: readonly PromotionShare[];
}

export interface LineDiscount extends Discount {
  readonly lineId: string;
}

export interface Discounts {
  /** One entry per input line, in input order. */
  readonly lines: readonly LineDiscount[];
  /** Taken off the shipping price (free shipping). */
  readonly shipping: Discount;
  /** Per applied promotion, lines plus shipping, in the order the promotions were given. */
  readonly byPromotion: readonly PromotionShare[];
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${amount} is not an amount of minor units`);
}

/** What one goods promotion takes off each of the lines in scope, given what is left of them. */
function sharesOf(promotion: Promotion, remaining: readonly number[], currency: string): number[] {
  const { benefit } = promotion;
  if (benefit.type === 'percentage') {
    if (!isRatePpm(benefit.ratePpm))
      throw new RangeError(`Promotion ${promotion.id} has a rate of ${benefit.ratePpm} ppm`);
    return remaining.map((amount) => mulDivHalfUp(amount, benefit.ratePpm, PPM));
  }
  if (benefit.type === 'fixed-amount') {
    const capped = Math.min(amountIn(benefit.amounts, currency) ?? 0, sumMinorUnits(remaining));
    return allocateByLargestRemainder(capped, remaining);
  }
  return remaining.map(() => 0);
}

/**
 * The discounts on goods of the promotions that apply to a cart (already checked and selected, in
 * selection order). Rules, all in integer minor units:
 * 1. Every percentage promotion first, then every fixed amount; within each, in the given order.
 *    Each works on what earlier ones left of each line, so two combinable 10 % promotions take 19 %,
 *    and a fixed amount is never shrunk by a later percentage.
 * 2. Percentage: per line in scope, `round(remaining × rate)` with ties rounded up (half-up), per line.
 *    At 100 % every line in scope goes to exactly 0.
 * 3. Fixed amount: capped at what remains of the lines in scope, then allocated across them in
 *    proportion to what remains of each by the largest-remainder method (see
 *    `allocateByLargestRemainder`): the shares sum exactly to the capped amount and none exceeds its line.
 * No line goes below 0. Free-shipping promotions take nothing here (see `discountShipping`).
 * @throws RangeError for a negative or unsafe amount or a rate outside 0–100 % (definitions are
 *   validated when saved, see `promotionDefinitionErrors`; this guards the arithmetic).
 */
export function discountLines(
  promotions: readonly Promotion[],
  lines: readonly DiscountableLine[],
  currency: string,
): LineDiscount[] {
  lines.forEach((line) => assertAmount(line.amount));
  const remaining = lines.map((line) => line.amount);
  const shares: PromotionShare[][] = lines.map(() => []);
  const ordered = [
    ...promotions.filter((p) => p.benefit.type === 'percentage'),
    ...promotions.filter((p) => p.benefit.type === 'fixed-amount'),
  ];
  for (const promotion of ordered) {
    const scoped = lines.flatMap((line, index) => (inScope(promotion, line) ? [index] : []));
    const taken = sharesOf(
      promotion,
      scoped.map((index) => remaining[index]),
      currency,
    );
    scoped.forEach((index, i) => {
      remaining[index] -= taken[i];
      shares[index].push({ promotionId: promotion.id, amount: taken[i] });
    });
  }
  return lines.map((line, index) => ({
    lineId: line.lineId,
    amount: line.amount - remaining[index],
    byPromotion: shares[index],
  }));
}

/**
 * The discount on shipping: the first free-shipping promotion takes the whole shipping price, any
 * further one takes 0 (it is still recorded as applied). Computed after the shipping quote, which
 * itself reads the subtotal after `discountLines` (ADR 0106).
 */
export function discountShipping(promotions: readonly Promotion[], shippingAmount: number): Discount {
  assertAmount(shippingAmount);
  const free = promotions.filter((p) => p.benefit.type === 'free-shipping');
  return {
    amount: free.length > 0 ? shippingAmount : 0,
    byPromotion: free.map((p, i) => ({ promotionId: p.id, amount: i === 0 ? shippingAmount : 0 })),
  };
}

/**
 * Both steps when the shipping price is already known: `discountLines`, then `discountShipping`,
 * with the total each promotion took (what the order records per promotion).
 */
export function computeDiscounts(
  promotions: readonly Promotion[],
  lines: readonly DiscountableLine[],
  shippingAmount: number,
  currency: string,
): Discounts {
  const lineDiscounts = discountLines(promotions, lines, currency);
  const shipping = discountShipping(promotions, shippingAmount);
  const taken = new Map<string, number>(promotions.map((p) => [p.id, 0]));
  for (const share of [...lineDiscounts.flatMap((l) => l.byPromotion), ...shipping.byPromotion]) {
    taken.set(share.promotionId, taken.get(share.promotionId)! + share.amount);
  }
  return {
    lines: lineDiscounts,
    shipping,
    byPromotion: promotions.map((p) => ({ promotionId: p.id, amount: taken.get(p.id)! })),
  };
}
