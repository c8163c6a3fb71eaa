import { toFeatureVector } from './fraud-features';
import { FraudModelJson } from './fraud-model';
import { FraudSignals } from './fraud-signals';
import { sigmoid } from './logistic-regression';

/** How much one feature moved this payment's score away from the average payment's. */
export interface FeatureContribution {
  readonly feature: string;
  /** The feature's value for this payment (after its transform, before standardisation). */
  readonly value: number;
  /** Calibrated log-odds added by this feature: slope × coefficient × standardised value. */
  readonly contribution: number;
}

export interface FraudScore {
  /** Calibrated P(fraud), 0..1. */
  readonly probability: number;
  /** Calibrated log-odds: `baseLogit` + the sum of every feature's contribution. */
  readonly logit: number;
  /** Log-odds of a payment whose every feature is at its training mean. */
  readonly baseLogit: number;
  /** The `top` largest contributions by absolute value, largest first (positive = riskier). */
  readonly contributions: readonly FeatureContribution[];
}

/**
 * Scores attempts with one (parsed) model. For a linear model the explanation is exact: every
 * feature's contribution is its calibrated coefficient times its standardised value, and they
 * add up, with `baseLogit`, to the score's log-odds.
 */
export class FraudScorer {
  private readonly weights: Float64Array;
  private readonly mean: Float64Array;
  readonly baseLogit: number;

  constructor(readonly model: FraudModelJson) {
    const { slope, intercept } = model.calibration;
    const { mean, scale } = model.standardization;
    this.weights = Float64Array.from(model.coefficients, (c, j) => (slope * c) / scale[j]);
    this.mean = Float64Array.from(mean);
    this.baseLogit = slope * model.intercept + intercept;
  }

  score(signals: FraudSignals, top = 5): FraudScore {
    const x = toFeatureVector(signals, this.model.featureSpec);
    const contributions = new Float64Array(x.length);
    let logit = this.baseLogit;
    for (let j = 0; j < x.length; j++) {
      contributions[j] = this.weights[j] * (x[j] - this.mean[j]);
      logit += contributions[j];
    }
    const order = Array.from(contributions.keys())
      .sort((a, b) => Math.abs(contributions[b]) - Math.abs(contributions[a]) || a - b)
      .slice(0, top);
    return {
      probability: sigmoid(logit),
      logit,
      baseLogit: this.baseLogit,
      contributions: order.map((j) => ({
        feature: this.model.features[j],
        value: x[j],
        contribution: contributions[j],
      })),
    };
  }
}
