/**
 * The login limiter's counter as it was before ADR 0006, kept as the baseline of
 * bench/login-limiter.ts: past 100,000 keys, every new key swept the whole map.
 */
export interface AttemptVerdict {
  readonly allowed: boolean;
  /** Seconds until the window resets (for `Retry-After`); 0 when allowed. */
  readonly retryAfterSeconds: number;
}

/**
 * Fixed-window attempt counter keyed by anything (an account, an address). In memory, so each
 * instance counts its own attempts; the limit is per instance.
 */
export class AttemptCounter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key` and says whether it is within the limit. */
  hit(key: string): AttemptVerdict {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      if (this.windows.size > 100_000) this.sweep(now);
      window = { count: 0, resetsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)) };
  }

  /** Forgets the attempts of `key` (after a successful login). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }
}
