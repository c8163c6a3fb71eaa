import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../../../platform/jobs';
import { UnitOfWork } from '../../../../platform/messaging';
import { refreshNeighbours } from '../../infrastructure/neighbour-ranking.sql';
import { RECOMMENDATIONS_CONFIG, RecommendationsConfig } from '../../recommendations.config';

const BATCH = 200;

const TAKE_STALE = `
  DELETE FROM stale_neighbours WHERE product_id IN (
    SELECT product_id FROM stale_neighbours ORDER BY product_id LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING product_id`;

/**
 * Ranks again the neighbour lists that events marked stale, every RECS_NEIGHBOUR_REFRESH_MS: a
 * product added to a thousand carts meanwhile is ranked once, not a thousand times, and the
 * consumers no longer fight over its neighbour rows. Several instances may run it at once.
 */
@Injectable()
export class NeighbourRefresh implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(RECOMMENDATIONS_CONFIG) private readonly config: RecommendationsConfig,
  ) {
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
        // A DELETE answers [rows, count] through TypeORM.
        const [rows] = (await tx.manager.query(TAKE_STALE, [BATCH])) as [{ product_id: string }[], number];
        await refreshNeighbours(
          tx.manager,
          rows.map((row) => row.product_id),
          this.config.neighbours,
        );
        return rows.length;
      });
      total += taken;
      if (taken < BATCH) return total;
    }
  }
}
