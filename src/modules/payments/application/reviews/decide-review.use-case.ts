import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { ReviewDecisions, ReviewOutcome } from './review-decisions';
import { ReviewView, toReviewView } from './review-view';

/** `POST /payments/reviews/:paymentId/approve` or `/reject`. */
export interface DecideReviewInput {
  readonly paymentId: string;
  readonly outcome: ReviewOutcome;
  readonly admin: AuthenticatedUser;
}

/**
 * An admin approves (the checkout captures and confirms the order) or rejects (the order is
 * cancelled `payment_risk` and the hold voided) a held payment. Repeating the same decision
 * answers the review as it stands; the other decision after one is a 409, and so is a payment no
 * longer held (its order was cancelled meanwhile).
 */
@Injectable()
export class DecideReviewUseCase {
  constructor(private readonly decisions: ReviewDecisions) {}

  async execute(input: DecideReviewInput): Promise<ReviewView> {
    const result = await this.decisions.decide(input.paymentId, input.outcome, `admin:${input.admin.id}`);
    if (result.kind === 'closed') {
      throw new ProblemException({
        status: 409,
        type: 'payment-not-held',
        detail: 'The payment is no longer held for review (its order was cancelled or it was voided).',
      });
    }
    return toReviewView(result.review);
  }
}
