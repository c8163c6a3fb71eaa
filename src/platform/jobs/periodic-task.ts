import { Logger } from '@nestjs/common';
import { DatabaseOutage } from '../database';

/**
 * Background work repeated on an interval (sweepers, expiry, redelivery): one run at a time, a
 * failure logged and tried again on the next tick (while the database is down, the outage is logged
 * once instead), and `stop()` waits for a run in flight so the
 * work never outlives the database pools it uses. An interval of 0 turns it off.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    this.running ??= this.work()
      .then(
        () => undefined,
        (error: unknown) => {
          if (!DatabaseOutage.shared.failed(error))
            this.logger.error({ err: error }, 'periodic run failed; will try again');
        },
      )
      .finally(() => (this.running = undefined));
  }
}
