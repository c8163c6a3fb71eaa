import { hitAtK, mean, ndcgAtK } from './metrics';

describe('ranking metrics', () => {
  const relevant = new Set(['x', 'y']);

  it('HitRate@k is 1 when a relevant item is in the first k', () => {
    expect(hitAtK(['a', 'x', 'b'], relevant, 2)).toBe(1);
    expect(hitAtK(['a', 'b', 'x'], relevant, 2)).toBe(0);
  });

  it('NDCG@k discounts by log2(rank + 1) and normalises by the ideal ranking', () => {
    expect(ndcgAtK(['x', 'y', 'a'], relevant, 10)).toBe(1);
    // one relevant item at rank 2: (1/log2 3) / (1 + 1/log2 3)
    const expected = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(ndcgAtK(['a', 'x', 'b'], relevant, 10)).toBeCloseTo(expected, 12);
    expect(ndcgAtK(['a', 'b'], relevant, 10)).toBe(0);
    expect(ndcgAtK(['a', 'x'], new Set(), 10)).toBe(0);
  });

  it('averages per-user values', () => {
    expect(mean([1, 0, 0, 1])).toBe(0.5);
    expect(mean([])).toBe(0);
  });
});
