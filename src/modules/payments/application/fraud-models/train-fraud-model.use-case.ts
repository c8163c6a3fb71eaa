import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { FraudTraining, TrainingReport } from './fraud-training';

/** `POST /payments/fraud-models/train`: what to learn from, and where the new version goes. */
export interface TrainFraudModelInput {
  /** `history` (default): the shop's labelled attempts; `synthetic`: the seeded generator (a demo shop). */
  readonly source?: 'history' | 'synthetic';
  /** `shadow` (default): scored and logged beside the active one; `candidate`: stored only. */
  readonly as?: 'shadow' | 'candidate';
  /** Share of attempts a person can review, for the stored recall/FPR figures (default 0.02). */
  readonly reviewBudget?: number;
  /** History: only attempts older than this many days (default 30: chargebacks take weeks). */
  readonly labelDelayDays?: number;
  /** Synthetic: accounts, days and seed of the generated history. */
  readonly accounts?: number;
  readonly days?: number;
  readonly seed?: number;
  /** `admin:<id>`: who trained it (audited as `train`). */
  readonly actor: string;
}

/**
 * Trains a new fraud model version from a route, exactly as `npm run fraud:train` does: stored with
 * its hold-out figures as the shadow (or a candidate), audited with the admin as its actor; nothing
 * acts until someone promotes it. Too few labels is a 422 `not-enough-labels` that changes nothing.
 */
@Injectable()
export class TrainFraudModelUseCase {
  constructor(private readonly training: FraudTraining) {}

  async execute(input: TrainFraudModelInput): Promise<TrainingReport> {
    const request = { as: input.as ?? 'shadow', actor: input.actor, reviewBudget: input.reviewBudget };
    try {
      return input.source === 'synthetic'
        ? await this.training.fromSynthetic({
            ...request,
            accounts: input.accounts,
            days: input.days,
            seed: input.seed,
          })
        : await this.training.fromHistory({ ...request, labelDelayDays: input.labelDelayDays ?? 30 });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new ProblemException({
        status: 422,
        type: 'not-enough-labels',
        title: 'Too few labelled attempts to learn from',
        detail: error.message,
      });
    }
  }
}
