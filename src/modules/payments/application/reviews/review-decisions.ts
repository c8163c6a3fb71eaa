import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PaymentReviewed } from '../../contracts';
import { FraudLabelRepository } from '../../infrastructure/fraud-label.repository';
import { FraudReview, FraudReviewRepository } from '../../infrastructure/fraud-review.repository';
import { PaymentRepository } from '../../infrastructure/payment.repository';

/** What a review ends in. */
export type ReviewOutcome = 'approved' | 'rejected';

/** What deciding a review did. */
export type ReviewDecisionResult =
  | { readonly kind: 'decided' | 'already'; readonly review: FraudReview }
  | { readonly kind: 'closed'; readonly review: FraudReview };

/**
 * Approves or rejects a held payment, once: the review is settled under its lock, the outcome is
 * published (`PaymentReviewed`: the checkout captures, or cancels the order and so voids the hold)
 * and, when a person decided, recorded as a label for the next training. The same decision again
 * is answered with the review as it stands (harmless); the other decision is a 409. A payment that
 * is no longer held (the order was cancelled meanwhile) closes its review instead.
 */
@Injectable()
export class ReviewDecisions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reviews: FraudReviewRepository,
    private readonly payments: PaymentRepository,
    private readonly labels: FraudLabelRepository,
  ) {}

  /** `actor`: `admin:<user id>`, or `deadline` when the configured default applies. */
  decide(paymentId: string, outcome: ReviewOutcome, actor: string): Promise<ReviewDecisionResult> {
    return this.uow.run(async (tx) => {
      const review = await this.reviews.lock(tx, paymentId);
      if (!review)
        throw new ProblemException({ status: 404, type: 'not-found', detail: 'No review for this payment.' });
      if (review.status === outcome) return { kind: 'already', review };
      if (review.status !== 'pending') {
        throw new ProblemException({
          status: 409,
          type: 'review-already-decided',
          detail: `This review is already ${review.status}.`,
        });
      }
      const payment = await this.payments.lock(tx, paymentId);
      if (payment?.status !== 'authorized') {
        await this.reviews.settle(tx, paymentId, 'closed', actor);
        return { kind: 'closed', review: (await this.reviews.lock(tx, paymentId))! };
      }
      await this.reviews.settle(tx, paymentId, outcome, actor);
      if (actor !== 'deadline') {
        await this.labels.label(tx, {
          paymentId,
          orderId: review.orderId,
          fraudulent: outcome === 'rejected',
          source: 'review',
          labelledBy: actor,
          note: null,
        });
      }
      tx.publish(
        new PaymentReviewed({
          paymentId,
          orderId: review.orderId,
          outcome,
          decidedBy: actor === 'deadline' ? 'deadline' : 'admin',
          reviewedAt: new Date().toISOString(),
        }),
      );
      return { kind: 'decided', review: (await this.reviews.lock(tx, paymentId))! };
    });
  }
}
