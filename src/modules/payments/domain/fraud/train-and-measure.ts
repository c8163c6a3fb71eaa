import { atReviewBudget, averagePrecision, rocAuc } from './evaluation/ranking-metrics';
import { FraudModelJson } from './fraud-model';
import { FraudScorer } from './fraud-scorer';
import { LabelledSignals, trainFraudModel } from './train-fraud-model';

/** A labelled attempt with the rules' score it got (the baseline the model is measured against). */
export interface ScoredExample extends LabelledSignals {
  /** The seven rules' score, 0..100. */
  readonly rulesScore: number;
}

/** How one scorer ranks the hold-out slice. */
export interface HoldOutQuality {
  readonly rocAuc: number | null;
  /** Average precision. */
  readonly prAuc: number | null;
  readonly recallAtBudget: number | null;
  readonly falsePositiveRateAtBudget: number | null;
}

/** The figures stored with a trained model (fraud_models.metrics). */
export interface TrainingMetrics {
  readonly examples: number;
  readonly positives: number;
  readonly training: { readonly rows: number; readonly positives: number };
  readonly calibration: { readonly rows: number; readonly positives: number };
  readonly test: {
    readonly rows: number;
    readonly positives: number;
    readonly from: string | null;
    readonly to: string | null;
  };
  readonly reviewBudget: number;
  readonly model: HoldOutQuality;
  readonly rules: HoldOutQuality;
}

export interface TrainAndMeasureOptions {
  /** Share of attempts a person can review, for recall and FPR at the budget. Default 0.02. */
  readonly reviewBudget?: number;
  /** Time-ordered shares for training and calibration; the rest is the hold-out. Default 0.6 / 0.15. */
  readonly trainingShare?: number;
  readonly calibrationShare?: number;
  readonly l2?: number;
}

/**
 * The training pipeline of `npm run fraud:train`: sort the labelled attempts by time, train on the
 * first 60 %, calibrate on the next 15 %, and measure the model and the rules on the last 25 %
 * (ROC AUC, PR AUC, recall and FPR at the review budget; null where the hold-out has no fraud or
 * no legitimate attempt). Deterministic: the same examples give the same model and figures.
 * Throws a RangeError when the training slice lacks fraud or legitimate examples.
 */
export function trainAndMeasure(
  examples: readonly ScoredExample[],
  options: TrainAndMeasureOptions = {},
): { model: FraudModelJson; metrics: TrainingMetrics } {
  const sorted = [...examples].sort((a, b) => a.at - b.at);
  const trainingEnd = Math.floor(sorted.length * (options.trainingShare ?? 0.6));
  const calibrationEnd = trainingEnd + Math.floor(sorted.length * (options.calibrationShare ?? 0.15));
  const training = sorted.slice(0, trainingEnd);
  const calibration = sorted.slice(trainingEnd, calibrationEnd);
  const test = sorted.slice(calibrationEnd);
  const model = trainFraudModel(training, calibration, { l2: options.l2 });
  const budget = options.reviewBudget ?? 0.02;
  const scorer = new FraudScorer(model);
  const labels = test.map((e) => e.fraud);
  const count = (slice: readonly ScoredExample[]) => ({
    rows: slice.length,
    positives: slice.filter((e) => e.fraud).length,
  });
  return {
    model,
    metrics: {
      examples: sorted.length,
      positives: sorted.filter((e) => e.fraud).length,
      training: count(training),
      calibration: count(calibration),
      test: {
        ...count(test),
        from: test.length > 0 ? new Date(test[0].at).toISOString() : null,
        to: test.length > 0 ? new Date(test[test.length - 1].at).toISOString() : null,
      },
      reviewBudget: budget,
      model: quality(
        test.map((e) => scorer.score(e.signals).probability),
        labels,
        budget,
      ),
      rules: quality(
        test.map((e) => e.rulesScore),
        labels,
        budget,
      ),
    },
  };
}

function quality(scores: number[], labels: boolean[], budget: number): HoldOutQuality {
  const positives = labels.filter(Boolean).length;
  if (positives === 0 || positives === labels.length) {
    return { rocAuc: null, prAuc: null, recallAtBudget: null, falsePositiveRateAtBudget: null };
  }
  const atBudget = atReviewBudget(scores, labels, budget);
  return {
    rocAuc: rocAuc(scores, labels),
    prAuc: averagePrecision(scores, labels),
    recallAtBudget: atBudget.recall,
    falsePositiveRateAtBudget: atBudget.falsePositiveRate,
  };
}
