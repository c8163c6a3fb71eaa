import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { StockReleased } from '../../contracts/stock-released.integration-event';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { StockRepository } from '../../infrastructure/stock.repository';
import { publishStockSignals } from './publish-stock-signals';

/** Gives an order's units back to stock: shared by release, restock and the expiry sweeper. */
@Injectable()
export class ReservedUnits {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly stock: StockRepository,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  /**
   * Gives an order's units back, in variant-id order (the lock order of every stock write): held
   * units leave `reserved`; sold units (`sold: true`) come back on hand. Publishes `StockReleased`.
   */
  async giveBack(tx: Transaction, orderId: string, reason: string, sold: boolean): Promise<void> {
    const lines = await this.reservations.lines(tx, orderId);
    const changes = [];
    for (const line of lines) {
      changes.push(
        sold
          ? await this.stock.adjust(tx, line, line.quantity, 0)
          : await this.stock.adjust(tx, line, 0, -line.quantity),
      );
    }
    if (lines.length > 0) tx.publish(new StockReleased({ orderId, lines, reason, restocked: sold }));
    publishStockSignals(tx, changes, this.config.lowStockThreshold);
  }
}
