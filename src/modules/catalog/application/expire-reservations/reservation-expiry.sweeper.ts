import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { StockRepository } from '../../infrastructure/stock.repository';
import { returnUnits } from '../stock/return-reserved-units';
import { CatalogReadCache } from '../catalog-read-cache';

const BATCH = 100;

/**
 * The safety net behind the checkout saga: reservations neither committed nor released before
 * they expire give their units back (`StockReleased`, reason `expired`). Rows are claimed with
 * SKIP LOCKED, so several instances sweep without releasing anything twice.
 */
@Injectable()
export class ReservationExpirySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReservationExpirySweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {
    this.task = new PeriodicTask('ReservationExpirySweeper', config.sweepIntervalMs, async () => {
      const released = await this.sweep();
      if (released > 0) this.logger.log(`Released ${released} expired reservation(s)`);
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Releases lapsed reservations until none is left; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await this.readCache.afterWrite(
        this.uow.run(async (tx) => {
          const orderIds = await StockRepository.lapsed(tx.manager, BATCH);
          for (const orderId of orderIds) {
            await StockRepository.transition(tx.manager, orderId, ['reserved'], 'released', 'expired');
            await returnUnits(tx, orderId, 'expired', false, this.config.lowStockThreshold);
          }
          return orderIds.length;
        }),
      );
      total += released;
      if (released < BATCH) return total;
    }
  }
}
