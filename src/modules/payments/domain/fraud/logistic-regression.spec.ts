import { SeededRandom } from './evaluation/seeded-random';
import { fitLogisticRegression, sigmoid } from './logistic-regression';
import { fitPlattCalibration, IDENTITY_CALIBRATION } from './platt-calibration';

/** Rows drawn from a known logistic model: y ~ Bernoulli(σ(1.5·x₀ − 2·x₁ − 1)). */
function sample(n: number, seed: number) {
  const random = new SeededRandom(seed);
  const rows = Array.from({ length: n }, () => [random.between(-2, 2), random.between(-2, 2)]);
  const targets = rows.map(([a, b]) => (random.chance(sigmoid(1.5 * a - 2 * b - 1)) ? 1 : 0));
  return { rows, targets };
}

describe('logistic regression (Newton)', () => {
  it('recovers the coefficients of the model that generated the labels', () => {
    const { rows, targets } = sample(20_000, 7);
    const fit = fitLogisticRegression(rows, targets, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.weights[0]).toBeCloseTo(1.5, 1);
    expect(fit.weights[1]).toBeCloseTo(-2, 1);
    expect(fit.intercept).toBeCloseTo(-1, 1);
  });

  it('is deterministic, and the L2 penalty shrinks the weights but not the intercept', () => {
    const { rows, targets } = sample(2_000, 3);
    expect(fitLogisticRegression(rows, targets, { l2: 1 })).toEqual(fitLogisticRegression(rows, targets, { l2: 1 }));
    const loose = fitLogisticRegression(rows, targets, { l2: 0 });
    const tight = fitLogisticRegression(rows, targets, { l2: 2_000 });
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]) / 2);
  });

  it('stays finite on perfectly separable data when penalised', () => {
    const rows = [[-2], [-1], [1], [2]];
    const fit = fitLogisticRegression(rows, [0, 0, 1, 1], { l2: 0.1 });
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(sigmoid(fit.weights[0] * 2 + fit.intercept)).toBeGreaterThan(0.9);
  });

  it('refuses empty, ragged or out-of-range input', () => {
    expect(() => fitLogisticRegression([], [], { l2: 1 })).toThrow(RangeError);
    expect(() => fitLogisticRegression([[1], [1, 2]], [0, 1], { l2: 1 })).toThrow(RangeError);
    expect(() => fitLogisticRegression([[1], [2]], [0, 2], { l2: 1 })).toThrow(RangeError);
  });
});

describe('Platt calibration', () => {
  it('maps over-confident logits back onto the observed frequencies', () => {
    const random = new SeededRandom(11);
    const truth = Array.from({ length: 20_000 }, () => random.between(-4, 2));
    const labels = truth.map((z) => random.chance(sigmoid(z)));
    const calibration = fitPlattCalibration(
      truth.map((z) => 3 * z), // a model three times too sure of itself
      labels,
    );
    expect(calibration.method).toBe('platt');
    expect(calibration.slope).toBeCloseTo(1 / 3, 1);
    expect(calibration.intercept).toBeCloseTo(0, 0);
  });

  it('keeps the identity when the split has one class only or would reverse the ranking', () => {
    expect(fitPlattCalibration([1, 2, 3], [false, false, false])).toEqual(IDENTITY_CALIBRATION);
    const reversed = fitPlattCalibration([-3, -2, -1, 1, 2, 3], [true, true, true, false, false, false]);
    expect(reversed).toEqual(IDENTITY_CALIBRATION);
  });
});
