/**
 * The delay before an idle relay's next poll: the poll interval after something happened, then
 * doubled after each poll that found nothing, up to `maxMs` (ADR 0122). Only a relay that hears
 * NOTIFY from its outbox backs off; without it, `maxMs` is the poll interval and nothing changes.
 */
export class IdleBackoff {
  private delayMs: number;

  /** `baseMs`: the configured poll interval; `maxMs` (≥ baseMs): the longest idle delay, ms. */
  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {
    this.delayMs = baseMs;
  }

  /** The delay the next {@link next} returns, ms. */
  get current(): number {
    return this.delayMs;
  }

  /** Something happened (rows were claimed, a notification came): poll at the base interval again. */
  reset(): void {
    this.delayMs = this.baseMs;
  }

  /** A poll found nothing: the delay until the next poll, ms; the one after it will be twice as long (up to the cap). */
  next(): number {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.maxMs, Math.max(this.baseMs, delay * 2));
    return delay;
  }
}
