import { fitLogisticRegression } from './logistic-regression';

/** P(fraud) = σ(slope·logit + intercept); `identity` when a calibration split could not be trusted. */
export interface PlattCalibration {
  readonly method: 'platt' | 'identity';
  readonly slope: number;
  readonly intercept: number;
}

export const IDENTITY_CALIBRATION: PlattCalibration = { method: 'identity', slope: 1, intercept: 0 };

/**
 * Platt scaling (Platt, 1999): a one-feature logistic regression of the labels on the raw model
 * logits of a calibration split the model was **not** trained on, with Platt's smoothed targets
 * (N₊+1)/(N₊+2) and 1/(N₋+2) so that a small split does not push probabilities to 0 or 1.
 * A non-positive slope would reverse the model's ranking, so then the identity is kept.
 */
export function fitPlattCalibration(logits: readonly number[], labels: readonly boolean[]): PlattCalibration {
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return IDENTITY_CALIBRATION;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const fit = fitLogisticRegression(
    logits.map((z) => [z]),
    labels.map((y) => (y ? high : low)),
    { l2: 0 },
  );
  if (!(fit.weights[0] > 0) || !Number.isFinite(fit.intercept)) return IDENTITY_CALIBRATION;
  return { method: 'platt', slope: fit.weights[0], intercept: fit.intercept };
}
