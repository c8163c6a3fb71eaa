import { decayedPopularity, POPULARITY_EPOCH_MS, PopularityCounter, recencyScale } from './popularity';

const DAY = 86_400_000;

describe('recency-weighted popularity', () => {
  it('doubles the weight of a signal one half-life later', () => {
    expect(recencyScale(POPULARITY_EPOCH_MS, 30)).toBe(1);
    expect(recencyScale(POPULARITY_EPOCH_MS + 30 * DAY, 30)).toBeCloseTo(2, 12);
  });

  it('reads a stored score as decayed signals as of now', () => {
    const stored = 3 * recencyScale(POPULARITY_EPOCH_MS + 10 * DAY, 30);
    expect(decayedPopularity(stored, POPULARITY_EPOCH_MS + 10 * DAY, 30)).toBeCloseTo(3, 12);
    expect(decayedPopularity(stored, POPULARITY_EPOCH_MS + 40 * DAY, 30)).toBeCloseTo(1.5, 12);
  });

  it('ranks recent sales above older ones of the same count, and excludes what is asked', () => {
    const counter = new PopularityCounter(7);
    counter.add('old', POPULARITY_EPOCH_MS, 1);
    counter.add('old', POPULARITY_EPOCH_MS, 1);
    counter.add('new', POPULARITY_EPOCH_MS + 30 * DAY, 1);
    counter.add('new', POPULARITY_EPOCH_MS + 30 * DAY, 1);
    counter.add('mid', POPULARITY_EPOCH_MS + 15 * DAY, 1);
    expect(counter.top(3).map((p) => p.productId)).toEqual(['new', 'mid', 'old']);
    expect(counter.top(1, new Set(['new'])).map((p) => p.productId)).toEqual(['mid']);
  });
});
