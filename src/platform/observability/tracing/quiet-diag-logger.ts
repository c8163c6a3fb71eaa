import type { DiagLogFunction, DiagLogger } from '@opentelemetry/api';

/** How often one kind of SDK diagnostic may be written (a failing collector repeats itself per batch). */
export const DIAGNOSTIC_INTERVAL_MS = 60_000;

/** At most this many kinds remembered: the map is cleared beyond it, never grows without bound. */
const MAX_KINDS = 200;

/**
 * The kind of a diagnostic: its first words with digits dropped, so that "remaining timeout 689ms"
 * and "remaining timeout 353ms", or the same exporter error from two ports, are one kind.
 */
function kindOf(level: string, message: string): string {
  return `${level}:${message.replace(/\d+/g, '#').slice(0, 120)}`;
}

/**
 * Wraps the SDK's diagnostic logger so that each kind of message is written at most once per
 * {@link DIAGNOSTIC_INTERVAL_MS}: a collector that is down or answers 500 fails every export, and
 * the SDK would otherwise write one stack trace per batch, as often as traffic fills batches. The
 * next time a kind is written again, it says how many were left out meanwhile. `now` is the clock
 * (milliseconds).
 */
export class QuietDiagLogger implements DiagLogger {
  private readonly lastWritten = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly target: DiagLogger,
    private readonly now: () => number = Date.now,
  ) {}

  readonly error: DiagLogFunction = (message, ...args) => this.write('error', message, args);
  readonly warn: DiagLogFunction = (message, ...args) => this.write('warn', message, args);
  readonly info: DiagLogFunction = (message, ...args) => this.write('info', message, args);
  readonly debug: DiagLogFunction = (message, ...args) => this.target.debug(message, ...args);
  readonly verbose: DiagLogFunction = (message, ...args) => this.target.verbose(message, ...args);

  private write(level: 'error' | 'warn' | 'info', message: string, args: unknown[]): void {
    const kind = kindOf(level, String(message));
    const now = this.now();
    const last = this.lastWritten.get(kind);
    if (last && now - last.at < DIAGNOSTIC_INTERVAL_MS) {
      last.suppressed += 1;
      return;
    }
    if (!last && this.lastWritten.size >= MAX_KINDS) this.lastWritten.clear();
    this.lastWritten.set(kind, { at: now, suppressed: 0 });
    const note = last?.suppressed
      ? ` (${last.suppressed} more like it in the last ${Math.round((now - last.at) / 1000)} s not logged)`
      : ` (repeats within ${DIAGNOSTIC_INTERVAL_MS / 1000} s are not logged)`;
    this.target[level](`OpenTelemetry: ${String(message)}${note}`, ...args);
  }
}
