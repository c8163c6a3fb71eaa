import { ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { BatchedCommandHandler, UnitOfWork } from '../../../../platform/messaging';
import { ReleaseStock } from '../../contracts';
import { isUuid } from '../../../../platform/ids';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { ReservedUnits } from '../stock/return-reserved-units';
import { CatalogReadCache } from '../catalog-read-cache';

/**
 * Ends an order's reservation and gives its units back. Idempotent: a second release finds
 * nothing held. A release that arrives before its reservation leaves a tombstone, so the late
 * ReserveStock holds nothing.
 */
@BatchedCommandHandler(ReleaseStock)
export class ReleaseStockHandler implements ICommandHandler<ReleaseStock> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    private readonly reservations: ReservationRepository,
    private readonly units: ReservedUnits,
  ) {}

  async execute(command: ReleaseStock): Promise<void> {
    if (!isUuid(command.orderId))
      throw ProblemException.validation([], 'ReleaseStock needs an orderId that is a UUID.');
    const orderId = command.orderId.toLowerCase();
    const reason = typeof command.reason === 'string' && command.reason ? command.reason.slice(0, 200) : 'released';
    await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        // Batched (ADR 0123): the commit may come after run returns; empty the cache after it too.
        tx.afterCommit(() => this.readCache.clear());
        const release = () => this.reservations.transition(tx, orderId, ['reserved'], 'released', reason);
        let previous = await release();
        // A reservation still being made was invisible to the first try; the tombstone insert waits for it.
        if (!previous && !(await this.reservations.tombstone(tx, orderId, reason))) previous = await release();
        if (previous) await this.units.giveBack(tx, orderId, reason, false);
      }),
    );
  }
}
