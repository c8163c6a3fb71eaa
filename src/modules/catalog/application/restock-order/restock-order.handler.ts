import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { RestockOrder } from '../../contracts';
import { isUuid } from '../../../../platform/ids';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { ReservedUnits } from '../stock/return-reserved-units';
import { CatalogReadCache } from '../catalog-read-cache';

/**
 * Puts a cancelled order's units back: sold units return on hand, units still only held are
 * released. Idempotent: the reservation's status moves once.
 */
@CommandHandler(RestockOrder)
export class RestockOrderHandler implements ICommandHandler<RestockOrder> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    private readonly reservations: ReservationRepository,
    private readonly units: ReservedUnits,
  ) {}

  async execute(command: RestockOrder): Promise<void> {
    if (!isUuid(command.orderId))
      throw ProblemException.validation([], 'RestockOrder needs an orderId that is a UUID.');
    const orderId = command.orderId.toLowerCase();
    const reason = typeof command.reason === 'string' && command.reason ? command.reason.slice(0, 200) : 'restocked';
    await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const previous = await this.reservations.transition(
          tx,
          orderId,
          ['committed', 'reserved'],
          'restocked',
          reason,
        );
        if (previous) await this.units.giveBack(tx, orderId, reason, previous === 'committed');
      }),
    );
  }
}
