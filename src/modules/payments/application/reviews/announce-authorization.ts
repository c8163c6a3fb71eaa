import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { PaymentAuthorized } from '../../contracts';
import { Payment } from '../../domain/payment';
import { FraudReviewRepository } from '../../infrastructure/fraud-review.repository';
import { ReviewExplanationRepository } from '../../infrastructure/review-explanation.repository';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';

/**
 * Publishes an authorization, in the transaction that recorded it. A payment the risk check sent to
 * review is held: its review opens (deadline `FRAUD_REVIEW_DEADLINE_MINUTES` from now) and the event
 * says `heldForReview`, so the checkout waits instead of capturing. Its AI explanation is due at once
 * (written in the background, ADR 0120: nothing waits for it).
 */
@Injectable()
export class AnnounceAuthorization {
  constructor(
    private readonly reviews: FraudReviewRepository,
    private readonly explanations: ReviewExplanationRepository,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async announce(tx: Transaction, payment: Payment): Promise<void> {
    const ids = { paymentId: payment.id, orderId: payment.orderId };
    const amount = { amount: payment.amount, currency: payment.currency };
    if (payment.riskDecision !== 'review') {
      tx.publish(new PaymentAuthorized({ ...ids, amount }));
      return;
    }
    const deadline = new Date(Date.now() + this.config.fraud.reviewDeadlineMinutes * 60_000);
    await this.reviews.open(tx, payment.id, payment.orderId, deadline);
    await this.explanations.open(tx, payment.id);
    tx.publish(new PaymentAuthorized({ ...ids, amount, heldForReview: true, reviewDeadline: deadline.toISOString() }));
  }
}
