import type { Money } from '../../../platform/money';

/** The condition a cart or customer did not meet (`promotion-ineligible`). */
export type IneligibleCondition =
  /** The promotion names no amount (fixed amount or minimum subtotal) in the cart's currency. */
  | 'currency'
  /** Only for a first order, and this customer has ordered before. */
  | 'first-order'
  /** No line of the cart is one of the promotion's products or categories. */
  | 'scope'
  /** The subtotal of the lines in scope is below the minimum. */
  | 'minimum-subtotal';

interface Refusing {
  readonly promotionId: string;
  /** The code the customer typed; `null` for an automatic promotion. */
  readonly code: string | null;
}

/**
 * Why a promotion does not apply to a cart. Each `type` is the RFC 9457 problem type of the 409 the
 * cart answers to `POST /carts/:id/promotions` (and the reason a checkout is cancelled with
 * `promotion_unavailable`); the other fields become the problem's extensions.
 */
export type PromotionRefusal =
  | { readonly type: 'promotion-unknown'; readonly code: string }
  | (Refusing & { readonly type: 'promotion-disabled' })
  | (Refusing & { readonly type: 'promotion-not-started'; readonly startsAt: string })
  | (Refusing & { readonly type: 'promotion-expired'; readonly endedAt: string })
  | (Refusing & {
      readonly type: 'promotion-exhausted';
      readonly limit: 'total' | 'per-customer';
      readonly maxRedemptions: number;
    })
  | (Refusing & {
      readonly type: 'promotion-ineligible';
      readonly condition: IneligibleCondition;
      /** With `minimum-subtotal`: the minimum in the cart's currency. */
      readonly minimumSubtotal?: Money;
    })
  | (Refusing & {
      readonly type: 'promotion-not-combinable';
      /** The applied promotion it cannot be combined with. */
      readonly conflictsWith: { readonly promotionId: string; readonly code: string | null };
    });

export type PromotionRefusalType = PromotionRefusal['type'];

/** Every refusal is a conflict with the current state of the promotion or cart, not malformed input. */
export const PROMOTION_REFUSAL_STATUS = 409;

/** A code that names no promotion (the lookup that finds none produces this). */
export function unknownPromotion(code: string): PromotionRefusal {
  return { type: 'promotion-unknown', code };
}

const CONDITION_TEXT: Readonly<Record<IneligibleCondition, string>> = {
  currency: 'is not offered in this currency',
  'first-order': 'is only for a first order',
  scope: 'applies to none of the products in this cart',
  'minimum-subtotal': 'needs a higher subtotal',
};

/** A sentence for the problem's `detail`, naming the code (or "the promotion" for an automatic one). */
export function describeRefusal(refusal: PromotionRefusal): string {
  const name = refusal.type === 'promotion-unknown' || refusal.code ? `Code ${refusal.code}` : 'The promotion';
  switch (refusal.type) {
    case 'promotion-unknown':
      return `${name} does not exist.`;
    case 'promotion-disabled':
      return `${name} is no longer available.`;
    case 'promotion-not-started':
      return `${name} is valid from ${refusal.startsAt}.`;
    case 'promotion-expired':
      return `${name} expired at ${refusal.endedAt}.`;
    case 'promotion-exhausted':
      return refusal.limit === 'total'
        ? `${name} has been used as often as it may be.`
        : `${name} may be used ${refusal.maxRedemptions} time(s) per customer.`;
    case 'promotion-ineligible':
      return `${name} ${CONDITION_TEXT[refusal.condition]}.`;
    case 'promotion-not-combinable':
      return `${name} cannot be combined with ${refusal.conflictsWith.code ?? 'a promotion already applied'}.`;
  }
}
