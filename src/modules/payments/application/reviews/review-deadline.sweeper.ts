import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { FraudReviewRepository } from '../../infrastructure/fraud-review.repository';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { ReviewDecisions } from './review-decisions';

/** Reviews settled per sweep at most. */
const BATCH = 100;

/**
 * Held payments nobody reviewed before their deadline follow `FRAUD_REVIEW_DEFAULT` (approve or
 * reject), decided by `deadline` (not a label: nobody looked). Runs every
 * `FRAUD_REVIEW_SWEEP_INTERVAL_MS`; several instances may sweep at once (each review is settled
 * under its lock, once).
 */
@Injectable()
export class ReviewDeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReviewDeadline');
  private readonly task: PeriodicTask;

  constructor(
    private readonly reviews: FraudReviewRepository,
    private readonly decisions: ReviewDecisions,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {
    this.task = new PeriodicTask('ReviewDeadline', config.fraud.reviewSweepIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Applies the default to every overdue review; returns how many were settled. */
  async sweep(): Promise<number> {
    const outcome = this.config.fraud.reviewDefault === 'approve' ? 'approved' : 'rejected';
    let settled = 0;
    for (const paymentId of await this.reviews.overdue(BATCH)) {
      const result = await this.decisions.decide(paymentId, outcome, 'deadline').catch((error: unknown) => {
        this.logger.warn(`review of payment ${paymentId} not settled: ${String(error)}`);
        return undefined;
      });
      if (result?.kind === 'decided') settled++;
    }
    if (settled > 0) this.logger.log(`${settled} review(s) past their deadline ${outcome} by default`);
    return settled;
  }
}
