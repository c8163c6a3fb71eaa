import { Promotion } from './promotion';
import { PromotionRefusal } from './promotion-refusal';

/**
 * Combination rules. Two promotions apply together only if BOTH are `combinable`; so an order carries
 * one code unless its codes are all combinable, and a non-combinable promotion applies alone.
 *
 * Codes and automatic promotions: the codes a customer applied come first, in the order applied;
 * automatic promotions follow in id order (UUIDv7: creation order) and each applies only if it
 * combines with everything already selected. A customer's code therefore wins over an automatic
 * promotion it cannot combine with; the cart shows that automatic promotion as not applied, with the
 * reason, so the customer can remove the code to get it instead.
 */

/** The first promotion of `selected` that `candidate` cannot be combined with, or `null`. */
export function conflictWith(candidate: Promotion, selected: readonly Promotion[]): Promotion | null {
  return selected.find((other) => other.id !== candidate.id && !(candidate.combinable && other.combinable)) ?? null;
}

/**
 * Whether a promotion may join those already applied: a code added to the codes on the cart
 * (`POST /carts/:id/promotions`), or an automatic promotion in `selectPromotions`.
 * @returns a `promotion-not-combinable` refusal naming the applied promotion it conflicts with, or `null`.
 */
export function checkCombination(candidate: Promotion, appliedCodes: readonly Promotion[]): PromotionRefusal | null {
  const conflict = conflictWith(candidate, appliedCodes);
  if (!conflict) return null;
  return {
    type: 'promotion-not-combinable',
    promotionId: candidate.id,
    code: candidate.code,
    conflictsWith: { promotionId: conflict.id, code: conflict.code },
  };
}

export interface Selection {
  /** What applies, in the order discounts are computed from (see discounts.ts for the stages). */
  readonly applied: readonly Promotion[];
  /** Eligible promotions left out because they do not combine with one applied before them. */
  readonly skipped: readonly PromotionRefusal[];
}

/**
 * Chooses the promotions that apply together from the eligible ones: codes in the order the customer
 * applied them, then automatic promotions by id; each is taken if it combines with all taken before.
 * Both lists must hold only promotions that passed `checkEligibility`.
 */
export function selectPromotions(codes: readonly Promotion[], automatic: readonly Promotion[]): Selection {
  const applied: Promotion[] = [];
  const skipped: PromotionRefusal[] = [];
  const byId = [...automatic].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const candidate of [...codes, ...byId]) {
    if (applied.some((p) => p.id === candidate.id)) continue;
    const refusal = checkCombination(candidate, applied);
    if (refusal) skipped.push(refusal);
    else applied.push(candidate);
  }
  return { applied, skipped };
}
