import { atReviewBudget, averagePrecision, reviewChances, rocAuc } from './ranking-metrics';

const T = true;
const F = false;

describe('ranking metrics', () => {
  it('ROC AUC: 1 for a perfect ranking, 0 reversed, ½ for all ties, pairs counted in between', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [T, T, F, F])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [T, T, F, F])).toBe(0);
    expect(rocAuc([5, 5, 5, 5], [T, F, T, F])).toBe(0.5);
    // Positives at 0.9 and 0.5; negatives at 0.7, 0.5, 0.1: 0.9 wins 3 pairs, 0.5 wins ½ + 1 of 3.
    expect(rocAuc([0.9, 0.7, 0.5, 0.5, 0.1], [T, F, T, F, F])).toBeCloseTo(4.5 / 6, 12);
    expect(rocAuc([1, 2], [F, F])).toBeNaN();
  });

  it('average precision: the mean precision at each fraud found, one step per distinct score', () => {
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [T, F, T, F])).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(averagePrecision([0.9, 0.8], [T, T])).toBe(1);
    // A tie of one fraud and three legitimate at the top is worth its precision ¼, not 1.
    expect(averagePrecision([1, 1, 1, 1, 0], [T, F, F, F, F])).toBeCloseTo(0.25, 12);
  });

  it('review budget: whole groups above the cut, the expected part of the tie the cut falls in', () => {
    const { chances, threshold } = reviewChances([9, 5, 5, 5, 5, 1, 1, 1, 1, 1], 0.3);
    expect(Array.from(chances)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0]);
    expect(threshold).toBe(5);
    const outcome = atReviewBudget([9, 5, 5, 5, 5, 1, 1, 1, 1, 1], [T, T, F, F, F, T, F, F, F, F], 0.3);
    expect(outcome.reviewed).toBeCloseTo(3, 12);
    expect(outcome.recall).toBeCloseTo(1.5 / 3, 12);
    expect(outcome.falsePositiveRate).toBeCloseTo(1.5 / 7, 12);
    expect(outcome.precision).toBeCloseTo(1.5 / 3, 12);
    expect(() => reviewChances([1], 0)).toThrow(RangeError);
  });
});
