import { DEFAULT_FEATURE_SPEC, FEATURE_NAMES, FEATURE_SET, FeatureSpec, toFeatureVector } from './fraud-features';
import { FRAUD_MODEL_FORMAT, FraudModelJson } from './fraud-model';
import { FraudSignals } from './fraud-signals';
import { fitLogisticRegression } from './logistic-regression';
import { fitPlattCalibration } from './platt-calibration';

/** One attempt with its outcome: a chargeback, an admin's "fraudulent" mark or a rejected review. */
export interface LabelledSignals {
  readonly signals: FraudSignals;
  readonly fraud: boolean;
  /** Epoch ms of the attempt. */
  readonly at: number;
}

export interface TrainingOptions {
  /** L2 penalty, see `fitLogisticRegression`. Default 1. */
  readonly l2?: number;
  readonly featureSpec?: FeatureSpec;
}

/**
 * Trains the fraud model on `training` and calibrates its probabilities (Platt scaling) on
 * `calibration`, a later slice of time the model did not see. Deterministic: the same examples
 * give the same JSON. Throws a RangeError when `training` lacks fraud or legitimate examples.
 */
export function trainFraudModel(
  training: readonly LabelledSignals[],
  calibration: readonly LabelledSignals[],
  options: TrainingOptions = {},
): FraudModelJson {
  const positives = training.filter((e) => e.fraud).length;
  if (positives === 0 || positives === training.length) {
    throw new RangeError('training needs both fraudulent and legitimate attempts');
  }
  const spec = options.featureSpec ?? DEFAULT_FEATURE_SPEC;
  const l2 = options.l2 ?? 1;
  const vectors = training.map((e) => toFeatureVector(e.signals, spec));
  const { mean, scale } = standardization(vectors);
  const standardize = (v: Float64Array) => v.map((x, j) => (x - mean[j]) / scale[j]);
  const fit = fitLogisticRegression(
    vectors.map(standardize),
    training.map((e) => (e.fraud ? 1 : 0)),
    { l2 },
  );
  const rawLogit = (e: LabelledSignals) =>
    standardize(toFeatureVector(e.signals, spec)).reduce((z, x, j) => z + x * fit.weights[j], fit.intercept);
  const times = training.map((e) => e.at);
  return {
    format: FRAUD_MODEL_FORMAT,
    kind: 'logistic-regression',
    featureSet: FEATURE_SET,
    features: [...FEATURE_NAMES],
    featureSpec: spec,
    standardization: { mean, scale },
    coefficients: fit.weights,
    intercept: fit.intercept,
    calibration: fitPlattCalibration(
      calibration.map(rawLogit),
      calibration.map((e) => e.fraud),
    ),
    training: {
      rows: training.length,
      positives,
      calibrationRows: calibration.length,
      calibrationPositives: calibration.filter((e) => e.fraud).length,
      l2,
      iterations: fit.iterations,
      converged: fit.converged,
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
    },
  };
}

function standardization(vectors: readonly Float64Array[]): { mean: number[]; scale: number[] } {
  const d = FEATURE_NAMES.length;
  const mean = new Array<number>(d).fill(0);
  const square = new Array<number>(d).fill(0);
  for (const v of vectors) for (let j = 0; j < d; j++) mean[j] += v[j] / vectors.length;
  for (const v of vectors) for (let j = 0; j < d; j++) square[j] += (v[j] - mean[j]) ** 2 / vectors.length;
  return { mean, scale: square.map((s) => (s > 1e-12 ? Math.sqrt(s) : 1)) };
}
