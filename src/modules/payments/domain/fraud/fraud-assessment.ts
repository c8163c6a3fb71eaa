import { RiskDecision, RiskInput } from '../risk-assessment';
import { FraudDecision } from './fraud-decision';
import { FeatureContribution } from './fraud-scorer';
import { FraudSignals } from './fraud-signals';

/** What one model said about an attempt. */
export interface ModelVerdict {
  readonly version: number;
  /** Calibrated P(fraud), 0..1. */
  readonly probability: number;
  /** The decision the model's probability alone would give (for a shadow model: what it would have done). */
  readonly decision: RiskDecision;
  /** The largest contributions, largest first (log-odds; positive = riskier). */
  readonly contributions: readonly FeatureContribution[];
}

/**
 * One payment attempt's fraud assessment as payments stores it: the attempt's own facts (which
 * later attempts' signals are computed from), the signals at assessment time (training data, never
 * recomputed), the rules' score, the decision and who made it, and the active and shadow models'
 * verdicts.
 */
export interface FraudAssessment {
  readonly paymentId: string;
  readonly orderId: string;
  readonly accountId: string;
  readonly assessedAt: Date;
  /** Minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  /** Minor units spent on resellable high-value goods. */
  readonly resellableAmount: number;
  readonly fingerprint: string;
  readonly cardCountry: string | null;
  readonly providerRiskLevel: RiskInput['providerRiskLevel'];
  readonly shippingAddressHash: string;
  readonly shippingCountry: string;
  readonly signals: FraudSignals;
  /** The seven rules' score, 0..100. */
  readonly rulesScore: number;
  readonly decision: FraudDecision;
  /** The active model's verdict; null when no model is active (the rules decided: cold start). */
  readonly model: ModelVerdict | null;
  /** The shadow model's verdict: logged, never acted on. */
  readonly shadow: ModelVerdict | null;
}
