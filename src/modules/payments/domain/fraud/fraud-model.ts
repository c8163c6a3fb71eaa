import { DEFAULT_FEATURE_SPEC, FEATURE_NAMES, FEATURE_SET, FeatureSpec } from './fraud-features';
import { PlattCalibration } from './platt-calibration';

export const FRAUD_MODEL_FORMAT = 'arcade.fraud-model/1';

/**
 * A trained fraud model as plain JSON (what payments stores, versioned, in its schema). Scoring:
 * `z_j = (x_j − mean_j) / scale_j` for the features of `fraud-features.ts`,
 * `logit = Σ coefficients_j·z_j + intercept`, `P(fraud) = σ(calibration.slope·logit + calibration.intercept)`.
 */
export interface FraudModelJson {
  readonly format: typeof FRAUD_MODEL_FORMAT;
  readonly kind: 'logistic-regression';
  /** Must equal the code's {@link FEATURE_SET}; features must equal {@link FEATURE_NAMES}, in order. */
  readonly featureSet: string;
  readonly features: readonly string[];
  readonly featureSpec: FeatureSpec;
  /** Mean and standard deviation of each feature over the training rows (scale 1 for a constant feature). */
  readonly standardization: { readonly mean: readonly number[]; readonly scale: readonly number[] };
  /** Log-odds per standard deviation of each feature. */
  readonly coefficients: readonly number[];
  readonly intercept: number;
  readonly calibration: PlattCalibration;
  readonly training: {
    readonly rows: number;
    readonly positives: number;
    readonly calibrationRows: number;
    readonly calibrationPositives: number;
    readonly l2: number;
    readonly iterations: number;
    readonly converged: boolean;
    /** ISO 8601 times of the first and last training attempt. */
    readonly from: string;
    readonly to: string;
  };
}

/** A stored model that this code cannot score correctly. */
export class FraudModelFormatError extends Error {
  override readonly name = 'FraudModelFormatError';
}

/** Checks a stored model (e.g. a JSONB column) before it is used; throws {@link FraudModelFormatError}. */
export function parseFraudModel(json: unknown): FraudModelJson {
  const fail = (why: string): never => {
    throw new FraudModelFormatError(`not a usable fraud model: ${why}`);
  };
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const model = json as Partial<FraudModelJson>;
  if (model.format !== FRAUD_MODEL_FORMAT) fail(`format is ${String(model.format)}, expected ${FRAUD_MODEL_FORMAT}`);
  if (model.kind !== 'logistic-regression') fail(`kind ${String(model.kind)} is not supported`);
  if (model.featureSet !== FEATURE_SET) fail(`feature set ${String(model.featureSet)}, this code has ${FEATURE_SET}`);
  const names = model.features;
  if (!Array.isArray(names) || names.length !== FEATURE_NAMES.length || names.some((n, i) => n !== FEATURE_NAMES[i])) {
    fail('its features differ from this code’s');
  }
  const d = FEATURE_NAMES.length;
  const numbers = (value: unknown, what: string) => {
    if (!Array.isArray(value) || value.length !== d || value.some((v) => typeof v !== 'number' || !isFinite(v))) {
      fail(`${what} must be ${d} finite numbers`);
    }
  };
  numbers(model.coefficients, 'coefficients');
  numbers(model.standardization?.mean, 'standardization.mean');
  numbers(model.standardization?.scale, 'standardization.scale');
  if (model.standardization!.scale.some((s) => s <= 0)) fail('standardization.scale must be positive');
  const finite = (v: unknown) => typeof v === 'number' && isFinite(v);
  if (!finite(model.intercept)) fail('intercept must be a finite number');
  const calibration = model.calibration;
  if (!calibration || !['platt', 'identity'].includes(calibration.method)) fail('calibration.method is unknown');
  if (!finite(calibration!.slope) || calibration!.slope <= 0 || !finite(calibration!.intercept)) {
    fail('calibration needs a positive slope and a finite intercept');
  }
  for (const setting of Object.keys(DEFAULT_FEATURE_SPEC) as (keyof FeatureSpec)[]) {
    if (!finite(model.featureSpec?.[setting])) fail(`featureSpec.${setting} must be a finite number`);
  }
  return model as FraudModelJson;
}
