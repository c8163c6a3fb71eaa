/**
 * The wait before retry number `attempt` (1 = the first retry): `baseMs · 2^(attempt−1)`, capped
 * at `maxMs`, then "equal jitter" (a random point in the upper half), so retries of many failures
 * at once spread out instead of arriving together. Milliseconds, rounded.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const capped = Math.min(baseMs * 2 ** (attempt - 1), maxMs);
  return Math.round(capped / 2 + random() * (capped / 2));
}
