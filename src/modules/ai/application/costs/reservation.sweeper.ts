import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { BudgetLedger } from '../../infrastructure/budget-ledger';

/**
 * Settles, at their estimate, the budget reservations of calls that never ended (the process died
 * mid-call): without it their reservation would hold budget until the window ends (ADR 0105 step 4).
 */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly ledger: BudgetLedger,
    @Inject(AI_CONFIG) config: AiConfig,
  ) {
    const interval = Math.max(1000, Math.min(60_000, Math.floor(config.reservationTtlMs / 2)));
    this.task = new PeriodicTask('ReservationSweeper', interval, async () => {
      while ((await this.ledger.settleExpired(new Date())) === 100);
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
