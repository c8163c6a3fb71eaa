import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { OrderRepository } from '../../infrastructure/order.repository';
import { ShipmentCancellationRepository } from '../../infrastructure/shipment-cancellation.repository';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { ShipmentCancellation } from './shipment-cancellation';

/**
 * Settles the cancellations shipping did not answer (absent, slow, or the app stopped between asking
 * and settling): every `ORDER_CANCELLATION_RETRY_SECONDS` it asks shipping again for those older than
 * that (the command is idempotent by order id) and applies the answer. Several instances may sweep at
 * once: settling locks the order and is harmless twice.
 */
@Injectable()
export class ShipmentCancellationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Orders');
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly requests: ShipmentCancellationRepository,
    private readonly cancellation: ShipmentCancellation,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {
    this.task = new PeriodicTask('ShipmentCancellations', config.cancellationRetrySeconds * 1000, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Settles the overdue cancellations shipping answers now; returns how many were settled. */
  async sweep(): Promise<number> {
    const before = new Date(Date.now() - this.config.cancellationRetrySeconds * 1000);
    let settled = 0;
    for (const { orderId, reason } of await this.requests.overdue(before, 100)) {
      const order = await this.orders.find(orderId);
      if (!order) continue;
      let answer;
      try {
        answer = await this.cancellation.ask(orderId, order.customerId, reason);
      } catch (error) {
        this.logger.warn(`cancellation of order ${orderId} still waits for shipping: ${(error as Error).message}`);
        break;
      }
      await this.uow.run((tx) => this.cancellation.settle(tx, orderId, answer, reason));
      settled++;
    }
    return settled;
  }
}
