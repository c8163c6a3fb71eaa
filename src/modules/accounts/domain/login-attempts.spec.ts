import { AttemptCounter } from './login-attempts';

describe('AttemptCounter', () => {
  it('allows up to the limit in a window, then says how long to wait', () => {
    let now = 1_000_000;
    const counter = new AttemptCounter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => counter.hit('a').allowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(counter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(counter.hit('b').allowed).toBe(true);
    now += 40_000;
    expect(counter.hit('a').allowed).toBe(true);
  });

  it('starts over after a reset', () => {
    const counter = new AttemptCounter(1, 60_000, () => 0);
    counter.hit('a');
    expect(counter.hit('a').allowed).toBe(false);
    counter.reset('a');
    expect(counter.hit('a').allowed).toBe(true);
  });
});
