import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface LogisticOptions {
  /**
   * L2 penalty λ on the weights (not the intercept), in units of rows: the loss is
   * Σ log-loss + λ/2·‖w‖², so λ = 1 weighs like one extra row per unit of weight².
   */
  readonly l2: number;
  readonly maxIterations?: number;
  /** Stop when no weight moves more than this in a Newton step. */
  readonly tolerance?: number;
}

export interface LogisticFit {
  readonly weights: number[];
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Fits P(y = 1 | x) = σ(w·x + b) by penalised maximum likelihood with Newton's method (IRLS, the
 * method of R's `glm`): each step solves (XᵀSX + λI)·Δ = ∇ with ml-matrix's Cholesky
 * decomposition, halving the step while the penalised loss does not decrease. The problem is
 * strictly convex for λ > 0, so the answer does not depend on a starting point or a seed: the
 * same rows in the same order give the same weights. `targets` may be soft labels in [0, 1]
 * (Platt's smoothed targets). Throws a RangeError for empty input, ragged rows or bad targets.
 */
export function fitLogisticRegression(
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  options: LogisticOptions,
): LogisticFit {
  const n = rows.length;
  if (n === 0 || n !== targets.length) throw new RangeError('rows and targets must be non-empty and of one length');
  const d = rows[0].length;
  if (rows.some((row) => row.length !== d)) throw new RangeError('every row must have the same length');
  if (targets.some((t) => !(t >= 0 && t <= 1))) throw new RangeError('targets must lie in [0, 1]');
  const p = d + 1; // the last coefficient is the intercept
  let beta: Float64Array = new Float64Array(p);
  let loss = penalisedLoss(rows, targets, beta, options.l2);
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Accumulated in flat arrays (row-major, lower triangle), then handed to ml-matrix.
    const h = new Float64Array(p * p);
    const g = new Float64Array(p);
    const x = new Float64Array(p);
    x[d] = 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[j] = rows[i][j];
      const mu = sigmoid(dot(beta, x));
      const s = Math.max(mu * (1 - mu), 1e-12);
      const residual = mu - targets[i];
      for (let j = 0; j < p; j++) {
        g[j] += residual * x[j];
        const sx = s * x[j];
        for (let k = 0; k <= j; k++) h[j * p + k] += sx * x[k];
      }
    }
    for (let j = 0; j < d; j++) {
      g[j] += options.l2 * beta[j];
      h[j * p + j] += options.l2;
    }
    const hessian = new Matrix(p, p);
    for (let j = 0; j < p; j++) {
      // A tiny ridge keeps the system positive definite when a feature is constant and λ = 0.
      hessian.set(j, j, h[j * p + j] + 1e-9);
      for (let k = 0; k < j; k++) {
        hessian.set(j, k, h[j * p + k]);
        hessian.set(k, j, h[j * p + k]);
      }
    }
    const gradient = Matrix.columnVector(Array.from(g));
    const step = new CholeskyDecomposition(hessian).solve(gradient).getColumn(0);

    let scale = 1;
    let next: Float64Array | undefined;
    for (let halving = 0; halving < 30 && !next; halving++, scale /= 2) {
      const candidate = beta.map((b, j) => b - scale * step[j]);
      const candidateLoss = penalisedLoss(rows, targets, candidate, options.l2);
      if (candidateLoss <= loss) [next, loss] = [candidate, candidateLoss];
    }
    // No step lowers the loss any more: beta is the optimum to floating-point precision.
    if (!next) return result(beta, d, iteration, true);
    const moved = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    if (moved < tolerance) return result(beta, d, iteration, true);
  }
  return result(beta, d, maxIterations, false);
}

function result(beta: Float64Array, d: number, iterations: number, converged: boolean): LogisticFit {
  return { weights: Array.from(beta.subarray(0, d)), intercept: beta[d], iterations, converged };
}

function dot(beta: Float64Array, x: ArrayLike<number>): number {
  let z = 0;
  for (let j = 0; j < beta.length; j++) z += beta[j] * x[j];
  return z;
}

/** Σ cross-entropy (stable form) + λ/2·‖w‖², intercept unpenalised. */
function penalisedLoss(
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  beta: Float64Array,
  l2: number,
): number {
  const d = beta.length - 1;
  let loss = 0;
  for (let i = 0; i < rows.length; i++) {
    let z = beta[d];
    for (let j = 0; j < d; j++) z += beta[j] * rows[i][j];
    // log(1 + e^z) − t·z, computed without overflow.
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - targets[i] * z;
  }
  let norm = 0;
  for (let j = 0; j < d; j++) norm += beta[j] * beta[j];
  return loss + (l2 / 2) * norm;
}
