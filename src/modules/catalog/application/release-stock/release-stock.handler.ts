import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { ReleaseStock } from '../../contracts';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { isUuid } from '../../../../platform/ids';
import { StockRepository } from '../../infrastructure/stock.repository';
import { returnUnits } from '../stock/return-reserved-units';
import { CatalogReadCache } from '../catalog-read-cache';

/**
 * Ends an order's reservation and gives its units back. Idempotent: a second release finds
 * nothing held. A release that arrives before its reservation leaves a tombstone, so the late
 * ReserveStock holds nothing.
 */
@CommandHandler(ReleaseStock)
export class ReleaseStockHandler implements ICommandHandler<ReleaseStock> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async execute(command: ReleaseStock): Promise<void> {
    if (!isUuid(command.orderId))
      throw ProblemException.validation([], 'ReleaseStock needs an orderId that is a UUID.');
    const orderId = command.orderId.toLowerCase();
    const reason = typeof command.reason === 'string' && command.reason ? command.reason.slice(0, 200) : 'released';
    await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const release = () => StockRepository.transition(tx.manager, orderId, ['reserved'], 'released', reason);
        let previous = await release();
        // A reservation still being made was invisible to the first try; the tombstone insert waits for it.
        if (!previous && !(await StockRepository.tombstone(tx.manager, orderId, reason))) previous = await release();
        if (previous) await returnUnits(tx, orderId, reason, false, this.config.lowStockThreshold);
      }),
    );
  }
}
