import { Promotion, PromotionScope } from '../../domain/promotion';
import { StoredPromotion } from '../stored-promotion';

/** What a promotion gives, as the admin API shows it (only its type's fields). */
export interface BenefitView {
  readonly type: 'percentage' | 'fixed-amount' | 'free-shipping';
  /** percentage: 1–1 000 000 ppm (10 % = 100 000). */
  readonly ratePpm?: number;
  /** fixed-amount: per ISO 4217 currency, minor units. */
  readonly amounts?: Readonly<Record<string, number>>;
}

/** A promotion as the admin API shows it. */
export interface PromotionView {
  readonly id: string;
  readonly code: string | null;
  readonly benefit: BenefitView;
  readonly conditions: {
    readonly minimumSubtotal: Readonly<Record<string, number>> | null;
    readonly scope: PromotionScope | null;
    readonly firstOrderOnly: boolean;
  };
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly limits: { readonly totalRedemptions: number | null; readonly perCustomer: number | null };
  /** Uses counted so far (released ones given back). */
  readonly redeemed: number;
  readonly disabled: boolean;
  readonly combinable: boolean;
}

export function promotionView({ promotion: p, redeemed }: StoredPromotion): PromotionView {
  return {
    id: p.id,
    code: p.code,
    benefit: benefitView(p),
    conditions: {
      minimumSubtotal: p.conditions.minimumSubtotal,
      scope: p.conditions.scope,
      firstOrderOnly: p.conditions.firstOrderOnly,
    },
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    limits: p.limits,
    redeemed,
    disabled: p.disabled,
    combinable: p.combinable,
  };
}

function benefitView({ benefit }: Promotion): BenefitView {
  switch (benefit.type) {
    case 'percentage':
      return { type: benefit.type, ratePpm: benefit.ratePpm };
    case 'fixed-amount':
      return { type: benefit.type, amounts: benefit.amounts };
    case 'free-shipping':
      return { type: benefit.type };
  }
}
