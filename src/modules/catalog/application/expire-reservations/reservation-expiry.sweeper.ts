import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { ReservedUnits } from '../stock/return-reserved-units';
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
    private readonly reservations: ReservationRepository,
    private readonly units: ReservedUnits,
    @Inject(CATALOG_CONFIG) config: CatalogConfig,
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
          const orderIds = await this.reservations.lapsed(tx, BATCH);
          for (const orderId of orderIds) {
            await this.reservations.transition(tx, orderId, ['reserved'], 'released', 'expired');
            await this.units.giveBack(tx, orderId, 'expired', false);
          }
          return orderIds.length;
        }),
      );
      total += released;
      if (released < BATCH) return total;
    }
  }
}
