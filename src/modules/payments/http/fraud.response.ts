import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse, PageOf } from '../../../platform/http';
import type { TrainingReport } from '../application/fraud-models/fraud-training';
import type { TrainingMetrics } from '../domain/fraud/train-and-measure';
import type { FraudLabelView } from '../application/fraud-labels/mark-fraud.use-case';
import type { LiveVersions } from '../application/fraud-models/fraud-model-lifecycle';
import type { FraudModelAuditView, FraudModelVersionView } from '../application/fraud-models/fraud-model-views';
import type { AssessmentView, ExplanationView, ReviewView } from '../application/reviews/review-view';
import type { FeatureContribution } from '../domain/fraud/fraud-scorer';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** One feature's share of a score. */
export class FeatureContributionResponse implements FeatureContribution {
  @ApiProperty({ example: 'first_order_high_amount' }) readonly feature: string;
  @ApiProperty({ example: 1, description: "The feature's value for this payment (after its transform)" })
  readonly value: number;
  @ApiProperty({ example: 1.84, description: 'Log-odds added to the score (positive = riskier)' })
  readonly contribution: number;
}

/** The shadow model's verdict (logged, never acted on). */
export class ShadowVerdictResponse {
  @ApiProperty({ example: 4 }) readonly modelVersion: number;
  @ApiProperty({ example: 0.31 }) readonly score: number;
  @ApiProperty({ example: 'review' }) readonly decision: string;
}

/** A payment's fraud assessment. */
export class AssessmentResponse implements AssessmentView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly paymentId: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly orderId: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly customerId: string;
  @ApiProperty({ format: 'date-time' }) readonly assessedAt: string;
  @ApiProperty({ type: MoneyResponse }) readonly amount: MoneyResponse;
  @ApiProperty({ enum: ['allow', 'review', 'block'] }) readonly decision: string;
  @ApiProperty({ enum: ['model', 'rules', 'guardrail'] }) readonly decidedBy: string;
  @ApiProperty({ type: [String], example: ['model_review'] }) readonly reasons: string[];
  @ApiProperty({ type: Number, nullable: true, example: 0.27, description: 'Calibrated P(fraud); null: rules only' })
  readonly score: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) readonly modelVersion: number | null;
  @ApiProperty({ example: 20, description: "The rules' score, 0..100" }) readonly rulesScore: number;
  @ApiProperty({ type: [FeatureContributionResponse] }) readonly topFeatures: FeatureContributionResponse[];
  @ApiProperty({ type: ShadowVerdictResponse, nullable: true }) readonly shadow: ShadowVerdictResponse | null;
}

/** The AI module's explanation of a held payment (ADR 0120): it never decides. */
export class ExplanationResponse implements ExplanationView {
  @ApiProperty({
    enum: ['pending', 'ready', 'failed', 'disabled', 'skipped'],
    description:
      '`disabled`: no model provider is configured; `failed`: see `problem`; `skipped`: decided before it was written',
  })
  readonly status: 'pending' | 'ready' | 'failed' | 'disabled' | 'skipped';
  @ApiProperty({ type: String, nullable: true, example: 'The amount is twelve times this customer’s usual basket…' })
  readonly text: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'payments.risk-explanation' }) readonly promptName:
    string | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) readonly promptVersion: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The model call in GET /ai/calls/:id' })
  readonly aiCallId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ai-budget-exhausted' }) readonly problem: string | null;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

/** A payment held for review. */
export class ReviewResponse implements ReviewView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly paymentId: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly orderId: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'closed'] }) readonly status:
    'pending' | 'approved' | 'rejected' | 'closed';
  @ApiProperty({ format: 'date-time', description: 'When FRAUD_REVIEW_DEFAULT applies if nobody decides' })
  readonly deadline: string;
  @ApiProperty({ type: String, nullable: true, example: `admin:${ID}` }) readonly decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readonly decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ type: AssessmentResponse, nullable: true }) readonly assessment: AssessmentResponse | null;
  @ApiProperty({ type: ExplanationResponse, nullable: true, description: 'Null: none was asked for' })
  readonly explanation: ExplanationResponse | null;
}

/** `GET /payments/reviews`. */
export const ReviewPage = PageOf(ReviewResponse);

/** A fraud label. */
export class FraudLabelResponse implements FraudLabelView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly paymentId: string;
  @ApiProperty({ format: 'uuid', example: ID }) readonly orderId: string;
  @ApiProperty({ example: true }) readonly fraudulent: boolean;
  @ApiProperty({
    enum: ['dispute', 'admin', 'review'],
    example: 'admin',
    description: "dispute: a chargeback; admin: an admin's mark; review: a review's outcome",
  })
  readonly source: 'dispute' | 'admin' | 'review';
  @ApiProperty({ example: `admin:${ID}`, description: '`admin:<user id>`, `provider:<name>` or `deadline`' })
  readonly labelledBy: string;
  @ApiProperty({ type: String, nullable: true, example: 'cardholder called: card stolen' }) readonly note:
    string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-29T14:03:12.000Z', description: 'When it was last written' })
  readonly labelledAt: string;
}

/** A stored model version. */
export class FraudModelVersionResponse implements FraudModelVersionView {
  @ApiProperty({ example: 3 }) readonly version: number;
  @ApiProperty({ enum: ['candidate', 'shadow', 'active', 'retired'] }) readonly status: string;
  @ApiProperty({ example: 'history' }) readonly source: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Hold-out figures, model and rules' })
  readonly metrics: Record<string, unknown>;
  @ApiProperty({ example: 'cli:ops' }) readonly createdBy: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readonly activatedAt: string | null;
}

/** `GET /payments/fraud-models`. */
export const FraudModelPage = PageOf(FraudModelVersionResponse);

/** Which versions act and watch after a change. */
export class LiveVersionsResponse implements LiveVersions {
  @ApiProperty({ type: Number, nullable: true, example: 3, description: 'null: no model, the rules decide' })
  readonly active: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 4 }) readonly shadow: number | null;
}

/** One audited model change. */
export class FraudModelAuditResponse implements FraudModelAuditView {
  @ApiProperty({ enum: ['train', 'shadow', 'promote', 'rollback'] }) readonly action: string;
  @ApiProperty({ type: Number, nullable: true }) readonly version: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly previousVersion: number | null;
  @ApiProperty({ example: 'cli:ops' }) readonly actor: string;
  @ApiProperty({ format: 'date-time' }) readonly at: string;
}

/** `GET /payments/fraud-models/audit`. */
export const FraudModelAuditPage = PageOf(FraudModelAuditResponse);

/** A training run's result: the new version, where it went, and its hold-out figures. */
export class TrainingReportResponse implements TrainingReport {
  @ApiProperty({ example: 4 }) readonly version: number;
  @ApiProperty({ enum: ['shadow', 'candidate'] }) readonly status: 'shadow' | 'candidate';
  @ApiProperty({ enum: ['history', 'synthetic'] }) readonly source: 'history' | 'synthetic';
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Rows and positives per slice; ROC AUC, PR AUC, recall and FPR at the review budget, model and rules',
  })
  readonly metrics: TrainingMetrics;
}
