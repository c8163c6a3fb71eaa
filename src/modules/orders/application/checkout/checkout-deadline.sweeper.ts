import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { CheckoutProcess } from './checkout.process';

/** Cancels checkouts whose step got no reply in time (several instances may sweep at once). */
@Injectable()
export class CheckoutDeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    private readonly sagas: CheckoutSagaRepository,
    @Inject(ORDERS_CONFIG) config: OrdersConfig,
  ) {
    this.task = new PeriodicTask('CheckoutDeadlines', config.deadlineSweepIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Times out every overdue checkout; returns how many. Nothing overdue (the common case) costs one read. */
  async sweep(): Promise<number> {
    if (!(await this.sagas.anyOverdue())) return 0;
    let count = 0;
    while (await this.timeOutOne()) count++;
    return count;
  }

  private timeOutOne(): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const orderId = await this.sagas.lockOneOverdue(tx);
      if (!orderId) return false;
      await this.checkout.advance(tx, orderId, { kind: 'deadline_passed' });
      return true;
    });
  }
}
