import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { FraudReviewRepository } from '../../infrastructure/fraud-review.repository';
import { ReviewExplanationRepository } from '../../infrastructure/review-explanation.repository';
import { ReviewView, toReviewView } from '../reviews/review-view';
import { ReviewExplainer } from './review-explainer';

/** `POST /payments/reviews/:paymentId/explanation`: which review, asked by whom. */
export interface ExplainReviewInput {
  readonly paymentId: string;
  readonly admin: AuthenticatedUser;
}

/** The status each problem of the AI module is answered with here (the rest: 502). */
const STATUS: Readonly<Record<string, number>> = {
  'ai-disabled': 503,
  'module-unavailable': 503,
  'ai-budget-exhausted': 429,
};

/**
 * An admin asks for a review's explanation now (the first one, or again after a new prompt version
 * or a grant), pending or decided. A new text replaces the stored one; a failure keeps a stored
 * text and is answered as a problem (503 `ai-disabled` when no model provider is configured, 429
 * `ai-budget-exhausted`, else 502 `risk-explanation-failed` naming the AI module's problem).
 */
@Injectable()
export class ExplainReviewUseCase {
  constructor(
    private readonly reviews: FraudReviewRepository,
    private readonly explanations: ReviewExplanationRepository,
    private readonly explainer: ReviewExplainer,
  ) {}

  async execute({ paymentId, admin }: ExplainReviewInput): Promise<ReviewView> {
    const review = await this.reviews.find(paymentId);
    if (!review) throw ProblemException.notFound('Review');
    const outcome = await this.explainer.explain(review, { userId: admin.id, retryAt: new Date() });
    await this.explanations.store(paymentId, outcome, `admin:${admin.id}`, { countAttempt: true });
    if (outcome.status !== 'ready') {
      const status = STATUS[outcome.problem] ?? 502;
      throw new ProblemException({
        status,
        type: status === 502 ? 'risk-explanation-failed' : outcome.problem,
        detail:
          outcome.status === 'disabled'
            ? 'AI features are disabled: no model provider is configured.'
            : `The AI module could not explain this review (${outcome.problem}); the review itself is unaffected.`,
        extensions: { problem: outcome.problem },
      });
    }
    return toReviewView((await this.reviews.find(paymentId))!);
  }
}
