import { RiskPolicy } from '../../risk-assessment';
import { FraudModelJson } from '../fraud-model';
import { FraudScorer } from '../fraud-scorer';
import { trainFraudModel } from '../train-fraud-model';
import { atReviewBudget, averagePrecision, BudgetOutcome, reviewChances, rocAuc } from './ranking-metrics';
import { replayHistory, ReplayedAttempt } from './replay-history';
import { DEFAULT_FRAUD_HISTORY, generateFraudHistory, SyntheticFraudHistoryOptions } from './synthetic-fraud-history';

export interface FraudEvaluationOptions {
  readonly history?: Partial<SyntheticFraudHistoryOptions>;
  /** The rule baseline's policy (payments' configuration: `loadPaymentsConfig(env).risk`). */
  readonly riskPolicy: RiskPolicy & { readonly velocityWindowMinutes: number };
  /** Share of attempts a person can review. Default 0.02. */
  readonly reviewBudget?: number;
  /** Shares of the scored attempts, in time order, for training and for calibration; the rest is the test. */
  readonly trainingShare?: number;
  readonly calibrationShare?: number;
  readonly l2?: number;
}

export interface ScorerQuality {
  readonly rocAuc: number;
  /** Average precision. */
  readonly prAuc: number;
  readonly atBudget: BudgetOutcome;
  /** Expected share of each fraud pattern's test attempts, and of each look-alike's, sent to review. */
  readonly reviewedByKind: Readonly<Record<string, number>>;
}

export interface SliceSummary {
  readonly attempts: number;
  readonly fraud: number;
  readonly from: string;
  readonly to: string;
}

export interface FraudEvaluationReport {
  readonly history: SyntheticFraudHistoryOptions;
  readonly reviewBudget: number;
  readonly training: SliceSummary;
  readonly calibration: SliceSummary;
  readonly test: SliceSummary;
  /** Test attempts per fraud pattern and per legitimate look-alike (`ordinary` for the rest). */
  readonly testKinds: Readonly<Record<string, number>>;
  readonly model: ScorerQuality;
  readonly rules: ScorerQuality;
  /** Calibration check on the test slice: mean predicted P(fraud) against the observed fraud rate. */
  readonly meanProbability: number;
  /** The calibrated probability at which the model's review queue fills the budget on the test slice. */
  readonly modelThresholdAtBudget: number;
  /** Per-call wall time of `FraudScorer.score` (features + score + top-5 explanation) over the test slice, ms. */
  readonly scoringMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly trainedModel: FraudModelJson;
}

/**
 * Offline evaluation on a generated history: replay it (features from the past only), split the
 * scored attempts by time into training, calibration and test, train and calibrate the model on
 * the first two, and compare it with the seven rules (`assessRisk` score as the ranking) on the
 * test slice: ROC AUC, PR AUC and what a review queue of `reviewBudget` of the attempts catches.
 */
export function evaluateFraudModel(options: FraudEvaluationOptions): FraudEvaluationReport {
  const history = { ...DEFAULT_FRAUD_HISTORY, ...options.history };
  const budget = options.reviewBudget ?? 0.02;
  const attempts = replayHistory(generateFraudHistory(history), options.riskPolicy, history.periodStart);
  const trainingEnd = Math.floor(attempts.length * (options.trainingShare ?? 0.6));
  const calibrationEnd = trainingEnd + Math.floor(attempts.length * (options.calibrationShare ?? 0.15));
  const training = attempts.slice(0, trainingEnd);
  const calibration = attempts.slice(trainingEnd, calibrationEnd);
  const test = attempts.slice(calibrationEnd);

  const trainedModel = trainFraudModel(training, calibration, { l2: options.l2 });
  const scorer = new FraudScorer(trainedModel);
  test.forEach((a) => scorer.score(a.signals)); // warm-up, so the timing below is the steady state
  const durations: number[] = [];
  const modelScores = test.map((a) => {
    const started = performance.now();
    const { probability } = scorer.score(a.signals);
    durations.push(performance.now() - started);
    return probability;
  });
  const rulesScores = test.map((a) => a.rulesScore);
  durations.sort((a, b) => a - b);
  const quantile = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];

  return {
    history,
    reviewBudget: budget,
    training: summary(training),
    calibration: summary(calibration),
    test: summary(test),
    testKinds: Object.fromEntries([...byKind(test, () => 1)].map(([kind, ones]) => [kind, ones.length])),
    model: quality(modelScores, test, budget),
    rules: quality(rulesScores, test, budget),
    meanProbability: modelScores.reduce((sum, p) => sum + p, 0) / modelScores.length,
    modelThresholdAtBudget: reviewChances(modelScores, budget).threshold,
    scoringMs: { p50: quantile(0.5), p99: quantile(0.99), max: durations[durations.length - 1] },
    trainedModel,
  };
}

function quality(scores: number[], test: readonly ReplayedAttempt[], budget: number): ScorerQuality {
  const labels = test.map((a) => a.fraud);
  const { chances } = reviewChances(scores, budget);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    rocAuc: rocAuc(scores, labels),
    prAuc: averagePrecision(scores, labels),
    atBudget: atReviewBudget(scores, labels, budget),
    reviewedByKind: Object.fromEntries([...byKind(test, (i) => chances[i])].map(([kind, c]) => [kind, mean(c)])),
  };
}

/** `value(i)` of every test attempt, grouped by fraud pattern or look-alike, kinds in name order. */
function byKind(test: readonly ReplayedAttempt[], value: (index: number) => number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  test.forEach((a, i) => {
    const kind = a.label.pattern ?? a.label.lookAlike ?? 'ordinary';
    groups.set(kind, [...(groups.get(kind) ?? []), value(i)]);
  });
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function summary(slice: readonly ReplayedAttempt[]): SliceSummary {
  return {
    attempts: slice.length,
    fraud: slice.filter((a) => a.fraud).length,
    from: slice.length > 0 ? new Date(slice[0].at).toISOString() : '',
    to: slice.length > 0 ? new Date(slice[slice.length - 1].at).toISOString() : '',
  };
}
