/** The risk rules' thresholds (from configuration). */
export interface RiskPolicy {
  /** A score at or above this is held for review (the payment still proceeds, flagged). */
  readonly reviewScore: number;
  /** A score at or above this is blocked before the provider is asked. */
  readonly blockScore: number;
  /** Amounts (minor units) above these add risk. */
  readonly highAmount: number;
  readonly veryHighAmount: number;
  /** More payments than this by one customer within the velocity window add risk. */
  readonly maxPaymentsInWindow: number;
  /** This many declined payments within the window add risk. */
  readonly maxFailedInWindow: number;
}

/** What the rules look at; nothing here is card data. */
export interface RiskInput {
  readonly amount: number;
  /** Payments by the same customer within the velocity window, not counting this one. */
  readonly recentPayments: number;
  /** Of those, the ones that were declined. */
  readonly recentFailures: number;
  readonly shippingCountry: string;
  /** The card's issuing country when the provider tells it. */
  readonly cardCountry: string | null;
  /** The provider's own fraud signal for the payment method. */
  readonly providerRiskLevel: 'normal' | 'elevated' | 'highest';
}

/** What the risk rules decide: go ahead, go ahead flagged for review, or block. */
export type RiskDecision = 'allow' | 'review' | 'block';

/** The risk rules' verdict on an attempt: its score, decision and the rules that fired. */
export interface RiskAssessment {
  readonly score: number;
  readonly decision: RiskDecision;
  /** The rules that fired, e.g. `amount_high`, `country_mismatch`. */
  readonly reasons: readonly string[];
}

/** How much each rule adds to the score (capped at 100). */
export const RISK_WEIGHTS = {
  amount_high: 25,
  amount_very_high: 45,
  velocity: 30,
  failed_attempts: 40,
  country_mismatch: 20,
  provider_elevated: 35,
  provider_highest: 100,
} as const;

/** Scores a payment attempt from 0 to 100 and decides allow / review / block. */
export function assessRisk(input: RiskInput, policy: RiskPolicy): RiskAssessment {
  const reasons: (keyof typeof RISK_WEIGHTS)[] = [];
  if (input.amount > policy.veryHighAmount) reasons.push('amount_very_high');
  else if (input.amount > policy.highAmount) reasons.push('amount_high');
  if (input.recentPayments >= policy.maxPaymentsInWindow) reasons.push('velocity');
  if (input.recentFailures >= policy.maxFailedInWindow) reasons.push('failed_attempts');
  if (input.cardCountry !== null && input.cardCountry.toUpperCase() !== input.shippingCountry.toUpperCase()) {
    reasons.push('country_mismatch');
  }
  if (input.providerRiskLevel === 'highest') reasons.push('provider_highest');
  else if (input.providerRiskLevel === 'elevated') reasons.push('provider_elevated');
  const score = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + RISK_WEIGHTS[reason], 0),
  );
  const decision: RiskDecision =
    score >= policy.blockScore ? 'block' : score >= policy.reviewScore ? 'review' : 'allow';
  return { score, decision, reasons };
}
