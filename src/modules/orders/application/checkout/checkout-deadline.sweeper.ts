import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { CheckoutProcess } from './checkout-process';

const DUE_SAGA = `
  SELECT order_id FROM checkout_sagas
   WHERE step_deadline IS NOT NULL AND step_deadline < now()
   ORDER BY step_deadline
   LIMIT 1
     FOR UPDATE SKIP LOCKED`;

/** Cancels checkouts whose step got no reply in time (several instances may sweep at once). */
@Injectable()
export class CheckoutDeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CheckoutDeadlines');
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.deadlineSweepIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Times out every overdue checkout; returns how many. */
  async sweep(): Promise<number> {
    let count = 0;
    try {
      while (await this.timeOutOne()) count++;
    } catch (error) {
      this.logger.error({ err: error }, 'sweeping checkout deadlines failed; will retry');
    }
    return count;
  }

  private timeOutOne(): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const [due] = (await tx.manager.query(DUE_SAGA)) as { order_id: string }[];
      if (!due) return false;
      await this.checkout.advance(tx, due.order_id, { kind: 'deadline_passed' });
      return true;
    });
  }
}
