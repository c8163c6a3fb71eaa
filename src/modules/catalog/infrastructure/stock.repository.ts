import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { ReservationLine } from '../domain/reservation-lines';
import { ReservedLine, StockChange, StockLevel } from '../domain/stock';
import { queryRows } from '../../../platform/database';

interface StockRow {
  readonly product_id: string;
  readonly sku: string;
  readonly on_hand: number;
  readonly reserved: number;
}

/** A shortfall found while holding an order's lines. */
export interface Shortfall {
  readonly variantId: string;
  readonly requested: number;
  readonly available: number;
}

/**
 * Stock levels of catalog's variants. Every change of a stock level is a single
 * conditional UPDATE, so no lock is held across a round trip and `reserved <= on_hand` is checked
 * by the row itself. Every method runs in the caller's transaction.
 */
@Injectable()
export class StockRepository {
  /** Holds `quantity` units if that many are available right now; undefined otherwise. */
  async tryReserve(tx: Transaction, line: ReservationLine): Promise<StockChange | undefined> {
    const [row] = await queryRows<StockRow>(
      tx.manager,
      `UPDATE variants SET reserved = reserved + $2, updated_at = now()
        WHERE id = $1 AND on_hand - reserved >= $2
        RETURNING product_id, sku, on_hand, reserved`,
      [line.variantId, line.quantity],
    );
    return row && change(line.variantId, line.quantity, row, line.quantity);
  }

  /** Units of the variant that can be held now (may be negative after a stock cut). */
  async available(tx: Transaction, variantId: string): Promise<number> {
    const [row] = await queryRows<{ available: number }>(
      tx.manager,
      `SELECT on_hand - reserved AS available FROM variants WHERE id = $1`,
      [variantId],
    );
    return row?.available ?? 0;
  }

  /** Changes a variant's `on_hand` and `reserved` by the given amounts in one statement. */
  async adjust(tx: Transaction, line: ReservedLine, onHandDelta: number, reservedDelta: number): Promise<StockChange> {
    const [row] = await queryRows<StockRow>(
      tx.manager,
      `UPDATE variants SET on_hand = on_hand + $2, reserved = reserved + $3, updated_at = now()
        WHERE id = $1 RETURNING product_id, sku, on_hand, reserved`,
      [line.variantId, onHandDelta, reservedDelta],
    );
    return change(line.variantId, line.quantity, row, reservedDelta - onHandDelta);
  }

  /**
   * Holds every line or none: each line is one conditional UPDATE, in the order given (the lock
   * order of every stock write); on the first shortfall, everything taken is rolled back to a
   * savepoint. Returns the changes made, or the shortfalls (and no change).
   */
  async holdAll(
    tx: Transaction,
    lines: readonly ReservationLine[],
  ): Promise<{ changes: StockChange[]; shortfalls: Shortfall[] }> {
    await tx.manager.query('SAVEPOINT reserve_lines');
    const changes: StockChange[] = [];
    const shortfalls: Shortfall[] = [];
    for (const line of lines) {
      const taken = await this.tryReserve(tx, line);
      if (taken) {
        changes.push(taken);
        continue;
      }
      const available = Math.max(await this.available(tx, line.variantId), 0);
      shortfalls.push({ variantId: line.variantId, requested: line.quantity, available });
    }
    if (shortfalls.length > 0) await tx.manager.query('ROLLBACK TO SAVEPOINT reserve_lines');
    return shortfalls.length > 0 ? { changes: [], shortfalls } : { changes, shortfalls };
  }

  /**
   * Sets a variant's units on hand in one statement that locks the row, so a racing reservation is
   * neither lost nor oversold. Undefined when there is no such variant or `onHand` is below the
   * units already reserved (nothing written).
   */
  async setOnHand(
    tx: Transaction,
    variantId: string,
    onHand: number,
  ): Promise<{ level: StockLevel; change: StockChange } | undefined> {
    const [row] = await queryRows<StockRow & { old_on_hand: number; old_reserved: number }>(
      tx.manager,
      `WITH old AS (SELECT id, on_hand, reserved FROM variants WHERE id = $1 FOR UPDATE)
       UPDATE variants v SET on_hand = $2, updated_at = now() FROM old
        WHERE v.id = old.id AND old.reserved <= $2
        RETURNING v.product_id, v.sku, v.on_hand, v.reserved, old.on_hand AS old_on_hand, old.reserved AS old_reserved`,
      [variantId, onHand],
    );
    if (!row) return undefined;
    const available = row.on_hand - row.reserved;
    return {
      level: { onHand: row.on_hand, reserved: row.reserved, available },
      change: change(variantId, 0, row, row.old_on_hand - row.old_reserved - available),
    };
  }

  /** The units of a variant held by orders; undefined when there is no such variant. */
  async reservedOf(tx: Transaction, variantId: string): Promise<number | undefined> {
    const [row] = await queryRows<{ reserved: number }>(tx.manager, `SELECT reserved FROM variants WHERE id = $1`, [
      variantId,
    ]);
    return row?.reserved;
  }
}

/** `availableDelta` is how much the change lowered available units (negative when it raised them). */
function change(variantId: string, quantity: number, row: StockRow, availableDelta: number): StockChange {
  const availableAfter = row.on_hand - row.reserved;
  return {
    variantId,
    productId: row.product_id,
    sku: row.sku,
    quantity,
    availableBefore: availableAfter + availableDelta,
    availableAfter,
  };
}
