import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { ReviewExplanationRepository } from '../../infrastructure/review-explanation.repository';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { ReviewExplainer } from './review-explainer';

/** Explanations written per run at most. */
const BATCH = 10;
/** How long an attempt holds its explanation (beyond the AI call's own timeouts and retries). */
const LEASE_MS = 5 * 60_000;
/** The wait before the n-th retry: 30 s, 60 s, 120 s, … */
const retryDelayMs = (attempts: number) => 30_000 * 2 ** Math.min(attempts - 1, 6);

/**
 * Writes the AI explanations of held payments in the background (ADR 0120): every
 * `FRAUD_EXPLANATION_INTERVAL_MS` it leases the due ones of pending reviews, asks the AI module, and
 * stores the text or why there is none. A transient failure (a provider error, a spent budget, the
 * AI process unreachable) is tried again later, at most `FRAUD_EXPLANATION_ATTEMPTS` times in all.
 * Nothing waits for it: the review queue, its decisions and its deadline are the same without it.
 */
@Injectable()
export class ReviewExplanationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly explanations: ReviewExplanationRepository,
    private readonly explainer: ReviewExplainer,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {
    this.task = new PeriodicTask('ReviewExplanations', config.fraud.explanationIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Writes the due explanations; returns how many reached a final state (ready, failed, disabled). */
  async sweep(): Promise<number> {
    let settled = 0;
    for (const due of await this.explanations.leaseDue(BATCH, LEASE_MS)) {
      let outcome = await this.explainer.explain(due, {
        retryAt: new Date(Date.now() + retryDelayMs(due.attempts)),
      });
      if (outcome.status === 'pending' && due.attempts >= this.config.fraud.explanationAttempts) {
        outcome = { status: 'failed', problem: outcome.problem };
      }
      await this.explanations.store(due.paymentId, outcome, 'sweeper', { onlyIfPending: true });
      if (outcome.status !== 'pending') settled++;
    }
    return settled;
  }
}
