import { allocateByLargestRemainder, isRatePpm, mulDivHalfUp, PPM, sumMinorUnits } from '../../../platform/money';
import { amountIn, DiscountableLine, inScope, Promotion } from './promotion';

/** What one promotion took off one line or off shipping, in minor units. */
export interface PromotionShare {
  readonly promotionId: string;
  readonly amount: number;
}

export interface LineDiscount {
  readonly lineId: string;
  /** Σ of `byPromotion`; never more than the line's amount. */
  readonly amount: number;
  readonly byPromotion: readonly PromotionShare[];
}

export interface Discounts {
  /** One entry per input line, in input order. */
  readonly lines: readonly LineDiscount[];
  /** Taken off the shipping price (free shipping); never more than it. */
  readonly shipping: { readonly amount: number; readonly byPromotion: readonly PromotionShare[] };
  /** Per applied promotion, lines plus shipping, in the order the promotions were applied. */
  readonly byPromotion: readonly PromotionShare[];
}

const STAGES = ['percentage', 'fixed-amount', 'free-shipping'] as const;

/**
 * The discounts of the promotions that apply to a cart (already checked and selected, in selection
 * order). Rules, all in integer minor units:
 * 1. Stages: every percentage promotion first, then every fixed amount, then free shipping; within a
 *    stage, in the given order. Each promotion works on what earlier ones left of each line, so two
 *    combinable 10 % promotions take 19 %, and a fixed amount is never shrunk by a later percentage.
 * 2. Percentage: per line in scope, `round(remaining × rate)` with ties rounded up (half-up), per line.
 *    At 100 % every line in scope goes to exactly 0.
 * 3. Fixed amount: capped at what remains of the lines in scope, then allocated across them in
 *    proportion to what remains of each by the largest-remainder method (see
 *    `allocateByLargestRemainder`): the shares sum exactly to the capped amount and none exceeds its line.
 * 4. Free shipping: the remaining shipping price, in full.
 * No line and no shipping price goes below 0.
 * @param shippingAmount the shipping price before discounts (0 when there is none).
 * @throws RangeError for a negative or unsafe amount or a rate outside 0–100 % (definitions are
 *   validated when saved, see `promotionDefinitionErrors`; this guards the arithmetic).
 */
export function computeDiscounts(
  promotions: readonly Promotion[],
  lines: readonly DiscountableLine[],
  shippingAmount: number,
  currency: string,
): Discounts {
  for (const amount of [shippingAmount, ...lines.map((line) => line.amount)]) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${amount} is not an amount of minor units`);
  }
  const remaining = lines.map((line) => line.amount);
  const lineShares: PromotionShare[][] = lines.map(() => []);
  const shippingShares: PromotionShare[] = [];
  let shippingLeft = shippingAmount;
  const taken = new Map<string, number>(promotions.map((p) => [p.id, 0]));

  for (const stage of STAGES) {
    for (const promotion of promotions.filter((p) => p.benefit.type === stage)) {
      const scoped = lines.flatMap((line, index) => (inScope(promotion, line) ? [index] : []));
      let shares: number[];
      if (promotion.benefit.type === 'percentage') {
        const rate = promotion.benefit.ratePpm;
        if (!isRatePpm(rate)) throw new RangeError(`Promotion ${promotion.id} has a rate of ${rate} ppm`);
        shares = scoped.map((index) => mulDivHalfUp(remaining[index], rate, PPM));
      } else if (promotion.benefit.type === 'fixed-amount') {
        const weights = scoped.map((index) => remaining[index]);
        const capped = Math.min(amountIn(promotion.benefit.amounts, currency) ?? 0, sumMinorUnits(weights));
        shares = allocateByLargestRemainder(capped, weights);
      } else {
        shippingShares.push({ promotionId: promotion.id, amount: shippingLeft });
        taken.set(promotion.id, shippingLeft);
        shippingLeft = 0;
        continue;
      }
      scoped.forEach((index, i) => {
        remaining[index] -= shares[i];
        lineShares[index].push({ promotionId: promotion.id, amount: shares[i] });
      });
      taken.set(promotion.id, sumMinorUnits(shares));
    }
  }

  return {
    lines: lines.map((line, index) => ({
      lineId: line.lineId,
      amount: line.amount - remaining[index],
      byPromotion: lineShares[index],
    })),
    shipping: { amount: shippingAmount - shippingLeft, byPromotion: shippingShares },
    byPromotion: promotions.map((p) => ({ promotionId: p.id, amount: taken.get(p.id) ?? 0 })),
  };
}
