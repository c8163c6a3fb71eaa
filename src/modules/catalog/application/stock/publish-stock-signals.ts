import { Transaction } from '../../../../platform/messaging';
import { StockAvailabilityChanged } from '../../contracts/stock-availability-changed.integration-event';
import { StockLevelLow } from '../../contracts/stock-level-low.integration-event';
import { stockSignals } from '../../domain/stock-signals';
import { StockChange } from '../../domain/stock';

/** Publishes `StockAvailabilityChanged` and `StockLevelLow` for the changes that cross a line. */
export function publishStockSignals(tx: Transaction, changes: readonly StockChange[], lowThreshold: number): void {
  for (const c of changes) {
    const signals = stockSignals(c.availableBefore, c.availableAfter, lowThreshold);
    if (signals.inStockChanged !== undefined) {
      tx.publish(
        new StockAvailabilityChanged({
          variantId: c.variantId,
          productId: c.productId,
          inStock: signals.inStockChanged,
        }),
      );
    }
    if (signals.becameLow) {
      tx.publish(
        new StockLevelLow({
          variantId: c.variantId,
          productId: c.productId,
          sku: c.sku,
          available: c.availableAfter,
          threshold: lowThreshold,
        }),
      );
    }
  }
}
