/**
 * Ranking metrics of a risk score against fraud labels. Ties are honest: a group of equal scores
 * is never split in the scorer's favour (rank-average for ROC AUC, one step per distinct score for
 * average precision, an expected share of the group at a review budget), which matters for the
 * rules, whose scores are a handful of sums of weights.
 */
export interface BudgetOutcome {
  /** Attempts reviewed: the budget share of all attempts (may be fractional in expectation). */
  readonly reviewed: number;
  /** Lowest score that is (at least partly) reviewed. */
  readonly threshold: number;
  /** Share of fraudulent attempts that land in review. */
  readonly recall: number;
  /** Share of legitimate attempts that land in review. */
  readonly falsePositiveRate: number;
  /** Share of reviewed attempts that are fraudulent. */
  readonly precision: number;
}

interface Group {
  readonly score: number;
  readonly positives: number;
  readonly negatives: number;
}

/** Equal scores grouped, highest score first. */
function groups(scores: readonly number[], labels: readonly boolean[]): Group[] {
  if (scores.length !== labels.length) throw new RangeError('scores and labels must have one length');
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const result: { score: number; positives: number; negatives: number }[] = [];
  for (const i of order) {
    const last = result[result.length - 1];
    const group = last && last.score === scores[i] ? last : { score: scores[i], positives: 0, negatives: 0 };
    if (group !== last) result.push(group);
    if (labels[i]) group.positives++;
    else group.negatives++;
  }
  return result;
}

function totals(all: readonly Group[]): { positives: number; negatives: number } {
  return all.reduce((t, g) => ({ positives: t.positives + g.positives, negatives: t.negatives + g.negatives }), {
    positives: 0,
    negatives: 0,
  });
}

/** Probability that a random fraudulent attempt scores above a random legitimate one (ties count ½). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const all = groups(scores, labels);
  const { positives, negatives } = totals(all);
  if (positives === 0 || negatives === 0) return NaN;
  let negativesBelow = negatives;
  let wins = 0;
  for (const g of all) {
    negativesBelow -= g.negatives;
    wins += g.positives * (negativesBelow + g.negatives / 2);
  }
  return wins / (positives * negatives);
}

/** Area under the precision–recall curve as average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct scores. */
export function averagePrecision(scores: readonly number[], labels: readonly boolean[]): number {
  const all = groups(scores, labels);
  const { positives } = totals(all);
  if (positives === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (const g of all) {
    tp += g.positives;
    seen += g.positives + g.negatives;
    ap += (g.positives / positives) * (tp / seen);
  }
  return ap;
}

/**
 * Each attempt's chance of landing in a review queue that takes the top `share` of attempts by
 * score: 1 above the cut, 0 below, and for the group of equal scores the cut falls in, the part of
 * the group that still fits (in expectation, as if ties were broken at random).
 */
export function reviewChances(scores: readonly number[], share: number): { chances: Float64Array; threshold: number } {
  if (!(share > 0 && share <= 1)) throw new RangeError('the review budget is a share in (0, 1]');
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const chances = new Float64Array(scores.length);
  let left = share * scores.length;
  let threshold = NaN;
  for (let from = 0; from < order.length && left > 0;) {
    let to = from;
    while (to < order.length && scores[order[to]] === scores[order[from]]) to++;
    const taken = Math.min(1, left / (to - from));
    for (let k = from; k < to; k++) chances[order[k]] = taken;
    left -= taken * (to - from);
    threshold = scores[order[from]];
    from = to;
  }
  return { chances, threshold };
}

/** What a review queue that takes the top `share` of attempts by score catches, in expectation over ties. */
export function atReviewBudget(scores: readonly number[], labels: readonly boolean[], share: number): BudgetOutcome {
  if (scores.length !== labels.length) throw new RangeError('scores and labels must have one length');
  const { chances, threshold } = reviewChances(scores, share);
  let tp = 0;
  let fp = 0;
  labels.forEach((fraud, i) => (fraud ? (tp += chances[i]) : (fp += chances[i])));
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  const reviewed = share * scores.length;
  return {
    reviewed,
    threshold,
    recall: positives > 0 ? tp / positives : NaN,
    falsePositiveRate: negatives > 0 ? fp / negatives : NaN,
    precision: reviewed > 0 ? tp / reviewed : NaN,
  };
}
