import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { NeighbourRepository } from '../../infrastructure/neighbour.repository';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../../recommendations.config';

const BATCH = 200;

/**
 * Ranks again the neighbour lists that events marked stale, every RECS_NEIGHBOUR_REFRESH_MS: a
 * product added to a thousand carts meanwhile is ranked once, not a thousand times, and the
 * consumers no longer fight over its neighbour rows. Several instances may run it at once.
 */
@Injectable()
export class StaleNeighboursSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly neighbours: NeighbourRepository,
    @Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig,
  ) {
    // The task keeps the name its log lines always had.
    this.task = new PeriodicTask('NeighbourRefresh', config.neighbourRefreshMs, () => this.refreshStale());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Ranks every stale list again, a batch per transaction; returns how many. */
  async refreshStale(): Promise<number> {
    let total = 0;
    for (;;) {
      const taken = await this.uow.run(async (tx) => {
        const productIds = await this.neighbours.takeStale(tx, BATCH);
        await this.neighbours.rank(tx, productIds, this.config.neighbours);
        return productIds.length;
      });
      total += taken;
      if (taken < BATCH) return total;
    }
  }
}
