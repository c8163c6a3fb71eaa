import { Logger } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { BatchedCommandHandler, UnitOfWork } from '../../../../platform/messaging';
import { CommitStock, StockCommitted } from '../../contracts';
import { isUuid } from '../../../../platform/ids';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { StockRepository } from '../../infrastructure/stock.repository';

/** Turns held units into sold ones (they leave `on_hand` and `reserved`; available is unchanged). Idempotent. */
@BatchedCommandHandler(CommitStock)
export class CommitStockHandler implements ICommandHandler<CommitStock> {
  private readonly logger = new Logger('CommitStock');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservations: ReservationRepository,
    private readonly stock: StockRepository,
  ) {}

  async execute(command: CommitStock): Promise<void> {
    if (!isUuid(command.orderId)) throw ProblemException.validation([], 'CommitStock needs an orderId that is a UUID.');
    const orderId = command.orderId.toLowerCase();
    await this.uow.run(async (tx) => {
      // One statement: the reservation moves from `reserved` to `committed` and its units are sold.
      const lines = await this.stock.commitReserved(tx, orderId);
      if (!lines) {
        const outcome = await this.reservations.outcomeOf(tx, orderId);
        if (outcome !== 'reserved') this.logger.warn(`CommitStock for order ${orderId}, which holds no stock; ignored`);
        return;
      }
      tx.publish(new StockCommitted({ orderId, lines }));
    });
  }
}
