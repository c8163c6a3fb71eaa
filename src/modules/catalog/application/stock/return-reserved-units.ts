import { Transaction } from '../../../../platform/messaging';
import { StockReleased } from '../../contracts/stock-released.integration-event';
import { StockRepository } from '../../infrastructure/stock.repository';
import { publishStockSignals } from './publish-stock-signals';

/**
 * Gives an order's units back to stock, in variant-id order (the lock order of every stock write):
 * held units leave `reserved`; sold units (`sold: true`) come back on hand. Publishes `StockReleased`.
 */
export async function returnUnits(
  tx: Transaction,
  orderId: string,
  reason: string,
  sold: boolean,
  lowThreshold: number,
): Promise<void> {
  const lines = await StockRepository.lines(tx.manager, orderId);
  const changes = [];
  for (const line of lines) {
    changes.push(
      sold
        ? await StockRepository.adjust(tx.manager, line, line.quantity, 0)
        : await StockRepository.adjust(tx.manager, line, 0, -line.quantity),
    );
  }
  if (lines.length > 0) tx.publish(new StockReleased({ orderId, lines, reason, restocked: sold }));
  publishStockSignals(tx, changes, lowThreshold);
}
