import { RiskAssessment, RiskDecision, RiskInput } from '../risk-assessment';

/** How a model probability becomes a decision, and how far the rules may overrule it (configuration). */
export interface FraudThresholds {
  /** P(fraud) at or above this holds the payment for a person (authorized, not captured). */
  readonly reviewProbability: number;
  /** P(fraud) at or above this declines the payment before the provider is asked. */
  readonly blockProbability: number;
  /**
   * The least a payment gets when the rules alone would block it while the model is calmer:
   * `review` (default) lets a person look, `block` keeps the rules' word, `none` trusts the model.
   */
  readonly rulesBlockFloor: 'none' | 'review' | 'block';
}

export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = {
  reviewProbability: 0.2,
  blockProbability: 0.9,
  rulesBlockFloor: 'review',
};

export interface FraudDecisionInput {
  /** The seven rules' assessment (`assessRisk`), computed for every attempt. */
  readonly rules: RiskAssessment;
  readonly providerRiskLevel: RiskInput['providerRiskLevel'];
  /** The active model's calibrated P(fraud); null when no model is trained yet (cold start). */
  readonly modelProbability: number | null;
}

export interface FraudDecision {
  readonly decision: RiskDecision;
  /** `guardrail` when a rule overruled (or floored) the model, `rules` when there is no model. */
  readonly decidedBy: 'model' | 'rules' | 'guardrail';
  /** What fired: the rules' reasons, or `model_review` / `model_block`, plus the guardrail's. */
  readonly reasons: readonly string[];
}

const SEVERITY: Record<RiskDecision, number> = { allow: 0, review: 1, block: 2 };

/**
 * allow / review / block for one attempt. In order: the provider's `highest` risk always blocks
 * (guardrail); with no model the rules decide alone (cold start); otherwise the model's probability
 * against the thresholds, raised to `rulesBlockFloor` when the rules would have blocked.
 * Throws a RangeError for thresholds outside 0 < review ≤ block ≤ 1.
 */
export function decideFraudAction(input: FraudDecisionInput, thresholds: FraudThresholds): FraudDecision {
  checkFraudThresholds(thresholds);
  if (input.providerRiskLevel === 'highest') {
    return { decision: 'block', decidedBy: 'guardrail', reasons: ['provider_highest'] };
  }
  if (input.modelProbability === null) {
    return { decision: input.rules.decision, decidedBy: 'rules', reasons: input.rules.reasons };
  }
  const p = input.modelProbability;
  const byModel: RiskDecision =
    p >= thresholds.blockProbability ? 'block' : p >= thresholds.reviewProbability ? 'review' : 'allow';
  const modelReasons = byModel === 'allow' ? [] : [`model_${byModel}`];
  const floor = input.rules.decision === 'block' ? thresholds.rulesBlockFloor : 'none';
  if (floor !== 'none' && SEVERITY[floor] > SEVERITY[byModel]) {
    return {
      decision: floor,
      decidedBy: 'guardrail',
      reasons: [...modelReasons, 'rules_block', ...input.rules.reasons],
    };
  }
  return { decision: byModel, decidedBy: 'model', reasons: modelReasons };
}

/** Throws a RangeError unless 0 < reviewProbability ≤ blockProbability ≤ 1. */
export function checkFraudThresholds(thresholds: FraudThresholds): void {
  const { reviewProbability: review, blockProbability: block } = thresholds;
  if (!(review > 0 && review <= block && block <= 1)) {
    throw new RangeError(`fraud thresholds need 0 < review (${review}) ≤ block (${block}) ≤ 1`);
  }
}
