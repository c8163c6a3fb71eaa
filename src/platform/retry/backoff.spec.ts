import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from the base and keeps the upper half of the window', () => {
    expect(backoffMs(1, 500, 300_000, () => 0)).toBe(250);
    expect(backoffMs(1, 500, 300_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 300_000, () => 0)).toBe(1000);
    expect(backoffMs(3, 500, 300_000, () => 1)).toBe(2000);
  });

  it('never waits longer than the cap', () => {
    expect(backoffMs(30, 500, 300_000, () => 1)).toBe(300_000);
    expect(backoffMs(30, 500, 300_000, () => 0)).toBe(150_000);
  });
});
