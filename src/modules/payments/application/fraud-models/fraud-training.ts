import { Inject, Injectable } from '@nestjs/common';
import { replayHistory } from '../../domain/fraud/evaluation/replay-history';
import { DEFAULT_FRAUD_HISTORY, generateFraudHistory } from '../../domain/fraud/evaluation/synthetic-fraud-history';
import { TrainingMetrics, trainAndMeasure } from '../../domain/fraud/train-and-measure';
import { FraudAssessmentRepository } from '../../infrastructure/fraud-assessment.repository';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { FraudModelLifecycle } from './fraud-model-lifecycle';

/** What a training run stored. */
export interface TrainingReport {
  readonly version: number;
  readonly status: 'shadow' | 'candidate';
  readonly source: 'history' | 'synthetic';
  readonly metrics: TrainingMetrics;
}

export interface TrainingRequest {
  /** Store the new model running in shadow (default) or only as a candidate. */
  readonly as?: 'shadow' | 'candidate';
  /** Share of attempts a person can review, for the stored recall/FPR figures. Default 0.02. */
  readonly reviewBudget?: number;
  /** `cli:<user>` or `admin:<id>`: who trained it (audited). */
  readonly actor: string;
}

/**
 * Trains a fraud model and stores it as a new version with its hold-out figures (`trainAndMeasure`).
 * From the shop's labelled history: every assessed attempt older than `labelDelayDays` (a
 * chargeback takes weeks: a younger attempt without a label is not yet known to be legitimate)
 * that reached the provider or carries a label. From the synthetic history: the seeded generator of
 * the offline evaluation, for a demo shop with no labels yet. The new version runs in shadow until
 * someone promotes it.
 */
@Injectable()
export class FraudTraining {
  constructor(
    private readonly assessments: FraudAssessmentRepository,
    private readonly lifecycle: FraudModelLifecycle,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async fromHistory(request: TrainingRequest & { labelDelayDays: number; now?: Date }): Promise<TrainingReport> {
    const until = new Date((request.now ?? new Date()).getTime() - request.labelDelayDays * 86_400_000);
    const examples = await this.assessments.labelledHistory(until);
    const fraud = examples.filter((e) => e.fraud).length;
    if (fraud < 2 || fraud === examples.length) {
      throw new RangeError(
        `the history before ${until.toISOString()} has ${examples.length} attempts and ${fraud} labelled fraudulent: ` +
          'too few to learn from (lower --label-delay-days, label more, or train --synthetic for a demo)',
      );
    }
    return this.store('history', examples, request);
  }

  async fromSynthetic(
    request: TrainingRequest & { accounts?: number; days?: number; seed?: number },
  ): Promise<TrainingReport> {
    const history = {
      ...DEFAULT_FRAUD_HISTORY,
      accounts: request.accounts ?? DEFAULT_FRAUD_HISTORY.accounts,
      days: request.days ?? DEFAULT_FRAUD_HISTORY.days,
      seed: request.seed ?? DEFAULT_FRAUD_HISTORY.seed,
    };
    const examples = replayHistory(generateFraudHistory(history), this.config.risk, history.periodStart);
    return this.store('synthetic', examples, request);
  }

  private async store(
    source: 'history' | 'synthetic',
    examples: Parameters<typeof trainAndMeasure>[0],
    request: TrainingRequest,
  ): Promise<TrainingReport> {
    const { model, metrics } = trainAndMeasure(examples, { reviewBudget: request.reviewBudget });
    const status = request.as ?? 'shadow';
    const version = await this.lifecycle.register({ model, metrics, source }, status, request.actor);
    return { version, status, source, metrics };
  }
}
