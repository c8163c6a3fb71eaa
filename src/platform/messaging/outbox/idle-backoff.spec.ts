import { IdleBackoff } from './idle-backoff';

describe('IdleBackoff', () => {
  it('doubles from the poll interval up to the cap, and starts over after a reset', () => {
    const backoff = new IdleBackoff(500, 10_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
    expect(backoff.current).toBe(1000);
  });

  it('never backs off when the cap is the poll interval', () => {
    const backoff = new IdleBackoff(500, 500);
    expect([1, 2, 3].map(() => backoff.next())).toEqual([500, 500, 500]);
  });
});
