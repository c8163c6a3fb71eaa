/**
 * A promotion as the promotions module defines it: what it gives (`benefit`), to which carts
 * (`conditions`, validity window), how often (`limits`, counted by the redemption step), and whether
 * it stacks with others (`combinable`). Amounts are integers of minor units given per currency
 * (ISO 4217 code → minor units); rates are integers of parts per million (10 % = 100 000 ppm).
 */

/** 1 to 1 000 000 ppm off each eligible line (100 % = 1 000 000). */
export interface PercentageOff {
  readonly type: 'percentage';
  readonly ratePpm: number;
}

/** A fixed amount off the eligible lines, per currency in minor units (`{ EUR: 500, JPY: 700 }`). */
export interface FixedAmountOff {
  readonly type: 'fixed-amount';
  readonly amounts: Readonly<Record<string, number>>;
}

/** The shipping price, in full. */
export interface FreeShipping {
  readonly type: 'free-shipping';
}

export type PromotionBenefit = PercentageOff | FixedAmountOff | FreeShipping;

/** The products and categories a promotion is limited to: a line is in scope if either list names it. */
export interface PromotionScope {
  readonly productIds: readonly string[];
  readonly categoryIds: readonly string[];
}

export interface PromotionConditions {
  /**
   * Per currency, in minor units: the subtotal (before any discount) of the lines in scope must be at
   * least this. `null`: no minimum. A map without the cart's currency makes the promotion ineligible.
   */
  readonly minimumSubtotal: Readonly<Record<string, number>> | null;
  /** `null`: every line is in scope. Otherwise only lines of these products or categories get the discount. */
  readonly scope: PromotionScope | null;
  /** Only for a customer with no earlier order (cancelled ones do not count). */
  readonly firstOrderOnly: boolean;
}

/** How often a promotion may be redeemed; `null` is unlimited. Counted atomically by the redemption step. */
export interface PromotionLimits {
  readonly totalRedemptions: number | null;
  readonly perCustomer: number | null;
}

export interface Promotion {
  readonly id: string;
  /** The code a customer types (upper case, see `normalizePromotionCode`); `null` for an automatic promotion. */
  readonly code: string | null;
  readonly benefit: PromotionBenefit;
  readonly conditions: PromotionConditions;
  /** Valid from `startsAt` (inclusive) until `endsAt` (exclusive); `null` is open-ended. */
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly limits: PromotionLimits;
  /** A disabled promotion applies nowhere, at once; carts that carry it lose it on their next pricing. */
  readonly disabled: boolean;
  /** Two promotions apply together only if both are combinable (see combination.ts). */
  readonly combinable: boolean;
}

/** A cart line as promotions see it. `amount` = unit price × quantity, in minor units, before any discount. */
export interface DiscountableLine {
  readonly lineId: string;
  readonly productId: string;
  readonly categoryIds: readonly string[];
  readonly amount: number;
}

/** The amount a per-currency map gives for `currency`, or `undefined` (own keys only). */
export function amountIn(amounts: Readonly<Record<string, number>> | null, currency: string): number | undefined {
  return amounts && Object.hasOwn(amounts, currency) ? amounts[currency] : undefined;
}

/** Whether a line is one the promotion's discount may touch. */
export function inScope(promotion: Promotion, line: DiscountableLine): boolean {
  const scope = promotion.conditions.scope;
  if (!scope) return true;
  return scope.productIds.includes(line.productId) || line.categoryIds.some((id) => scope.categoryIds.includes(id));
}

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

/**
 * The canonical form of a code as typed: trimmed and upper case (codes are case-insensitive), or
 * `null` if it cannot be a code (3–32 characters of A–Z, 0–9, `_`, `-`, starting with a letter or digit).
 */
export function normalizePromotionCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

/** What an admin must say to create a promotion; everything else has a default. */
export type PromotionDraft = Pick<Promotion, 'id' | 'benefit'> & {
  readonly code?: string | null;
  readonly conditions?: Partial<PromotionConditions>;
  readonly startsAt?: Date | null;
  readonly endsAt?: Date | null;
  readonly limits?: Partial<PromotionLimits>;
  readonly disabled?: boolean;
  readonly combinable?: boolean;
};

/**
 * A promotion from a draft, with the defaults: automatic (no code), no conditions, always valid,
 * unlimited, enabled, not combinable. Check it with `promotionDefinitionErrors` before saving.
 */
export function definePromotion(draft: PromotionDraft): Promotion {
  return {
    id: draft.id,
    code: draft.code ?? null,
    benefit: draft.benefit,
    conditions: { minimumSubtotal: null, scope: null, firstOrderOnly: false, ...draft.conditions },
    startsAt: draft.startsAt ?? null,
    endsAt: draft.endsAt ?? null,
    limits: { totalRedemptions: null, perCustomer: null, ...draft.limits },
    disabled: draft.disabled ?? false,
    combinable: draft.combinable ?? false,
  };
}
