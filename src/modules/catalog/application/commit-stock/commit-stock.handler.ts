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
      const previous = await this.reservations.transition(tx, orderId, ['reserved'], 'committed', null);
      if (!previous) {
        const outcome = await this.reservations.outcomeOf(tx, orderId);
        if (outcome !== 'reserved') this.logger.warn(`CommitStock for order ${orderId}, which holds no stock; ignored`);
        return;
      }
      const lines = await this.reservations.lines(tx, orderId);
      for (const line of lines) await this.stock.adjust(tx, line, -line.quantity, -line.quantity);
      tx.publish(new StockCommitted({ orderId, lines }));
    });
  }
}
