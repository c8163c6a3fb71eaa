import { Money } from '../../../../platform/messaging';
import { FeatureContribution } from '../../domain/fraud/fraud-scorer';
import { FraudAssessment } from '../../domain/fraud/fraud-assessment';
import { FraudReview, FraudReviewStatus } from '../../infrastructure/fraud-review.repository';
import { ReviewExplanation, ReviewExplanationStatus } from '../../infrastructure/review-explanation.repository';

/** A fraud assessment as admins see it (with each review, and per payment). */
export interface AssessmentView {
  readonly paymentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly assessedAt: string;
  readonly amount: Money;
  readonly decision: string;
  /** `model`, `rules` (no active model: cold start) or `guardrail` (a rule overruled the model). */
  readonly decidedBy: string;
  readonly reasons: readonly string[];
  /** The active model's calibrated P(fraud), 0..1; null when the rules decided alone. */
  readonly score: number | null;
  readonly modelVersion: number | null;
  /** The rules' score, 0..100. */
  readonly rulesScore: number;
  /** The largest contributions to the score (log-odds; positive = riskier), largest first. */
  readonly topFeatures: readonly FeatureContribution[];
  /** The shadow model's verdict, logged and never acted on. */
  readonly shadow: { readonly modelVersion: number; readonly score: number; readonly decision: string } | null;
}

/**
 * The AI module's explanation of a review, for the reviewer: it never decides (ADR 0120). `pending`
 * (being written), `ready` (with its text), `disabled` (no model provider configured), `failed`
 * (with the last problem), `skipped` (the review was decided first).
 */
export interface ExplanationView {
  readonly status: ReviewExplanationStatus;
  readonly text: string | null;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  readonly aiCallId: string | null;
  readonly problem: string | null;
  readonly updatedAt: string;
}

/** A held payment's review. */
export interface ReviewView {
  readonly paymentId: string;
  readonly orderId: string;
  readonly status: FraudReviewStatus;
  readonly deadline: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
  readonly assessment: AssessmentView | null;
  /** The AI explanation; null when none was asked for (a review held before explanations existed). */
  readonly explanation: ExplanationView | null;
}

export function toAssessmentView(a: FraudAssessment): AssessmentView {
  return {
    paymentId: a.paymentId,
    orderId: a.orderId,
    customerId: a.accountId,
    assessedAt: a.assessedAt.toISOString(),
    amount: { amount: a.amount, currency: a.currency },
    decision: a.decision.decision,
    decidedBy: a.decision.decidedBy,
    reasons: a.decision.reasons,
    score: a.model?.probability ?? null,
    modelVersion: a.model?.version ?? null,
    rulesScore: a.rulesScore,
    topFeatures: a.model?.contributions ?? [],
    shadow: a.shadow
      ? { modelVersion: a.shadow.version, score: a.shadow.probability, decision: a.shadow.decision }
      : null,
  };
}

export function toReviewView(review: FraudReview): ReviewView {
  return {
    paymentId: review.paymentId,
    orderId: review.orderId,
    status: review.status,
    deadline: review.deadline.toISOString(),
    decidedBy: review.decidedBy,
    decidedAt: review.decidedAt?.toISOString() ?? null,
    createdAt: review.createdAt.toISOString(),
    assessment: review.assessment ? toAssessmentView(review.assessment) : null,
    explanation: review.explanation ? toExplanationView(review.explanation) : null,
  };
}

export function toExplanationView(x: ReviewExplanation): ExplanationView {
  return {
    status: x.status,
    text: x.text,
    promptName: x.promptName,
    promptVersion: x.promptVersion,
    aiCallId: x.aiCallId,
    problem: x.problem,
    updatedAt: x.updatedAt.toISOString(),
  };
}
