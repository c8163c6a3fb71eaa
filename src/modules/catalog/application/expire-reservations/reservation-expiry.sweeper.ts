import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
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
export class ReservationExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReservationExpirySweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
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

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep();
    try {
      const released = await this.running;
      if (released > 0) this.logger.log(`Released ${released} expired reservation(s)`);
    } catch (error) {
      this.logger.error(`Sweeping expired reservations failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}
