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

/** Held lines: the variants (locked) take the units, the reservation records them and becomes `reserved`. */
const HOLD_LOCKED = `
  WITH held AS (
    UPDATE variants v SET reserved = v.reserved + w.quantity, updated_at = now()
      FROM unnest($2::uuid[], $3::int[]) AS w (id, quantity)
     WHERE v.id = w.id AND v.on_hand - v.reserved >= w.quantity
    RETURNING v.id, v.product_id, v.sku, v.on_hand, v.reserved, w.quantity),
  recorded AS (
    INSERT INTO reservation_lines (order_id, variant_id, product_id, quantity)
    SELECT $1, id, product_id, quantity FROM held),
  reserved AS (
    UPDATE reservations SET status = 'reserved', expires_at = now() + make_interval(secs => $4), updated_at = now()
     WHERE order_id = $1 RETURNING expires_at)
  SELECT held.*, reserved.expires_at FROM held, reserved ORDER BY held.id`;

/**
 * A reservation committed: `moved` takes the reservation's lock and moves it from `reserved` only;
 * its lines' variants are locked in id order (a locking SELECT over a sort locks as it returns
 * rows), and only rows already locked so are updated. One row per line sold; otherwise one row of
 * nulls whose `committed` says whether the reservation moved (false: it was not `reserved`).
 */
const COMMIT_RESERVED = `
  WITH moved AS (
    UPDATE reservations r SET status = 'committed', updated_at = now()
      FROM (SELECT order_id, status FROM reservations WHERE order_id = $1 FOR UPDATE) old
     WHERE r.order_id = old.order_id AND old.status = 'reserved'
    RETURNING r.order_id),
  lines AS MATERIALIZED (
    SELECT l.variant_id, l.product_id, l.quantity FROM reservation_lines l JOIN moved ON moved.order_id = l.order_id),
  locked AS MATERIALIZED (
    SELECT v.id FROM variants v JOIN lines ON lines.variant_id = v.id ORDER BY v.id FOR UPDATE OF v),
  sold AS (
    UPDATE variants v SET on_hand = v.on_hand - l.quantity, reserved = v.reserved - l.quantity, updated_at = now()
      FROM lines l JOIN locked k ON k.id = l.variant_id
     WHERE v.id = l.variant_id
    RETURNING l.variant_id, l.product_id, l.quantity)
  SELECT sold.variant_id AS "variantId", sold.product_id AS "productId", sold.quantity, true AS committed
    FROM sold
  UNION ALL
  SELECT NULL, NULL, NULL, EXISTS (SELECT 1 FROM moved) WHERE NOT EXISTS (SELECT 1 FROM sold)
   ORDER BY 1`;

/**
 * Stock levels of catalog's variants. Every change of a stock level is a single
 * conditional UPDATE, so no lock is held across a round trip and `reserved <= on_hand` is checked
 * by the row itself. Every method runs in the caller's transaction.
 */
@Injectable()
export class StockRepository {
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
   * Holds an order's lines whose variants `tx` has locked and found available (VariantRepository.
   * forSale), records them as the order's reservation and starts its expiry clock, in one statement.
   * Returns the changes (in variant-id order) and when the reservation expires (ISO). The
   * `on_hand - reserved` guard stays: should a line find fewer units after all, this throws and the
   * transaction holds nothing.
   */
  async holdLocked(
    tx: Transaction,
    orderId: string,
    lines: readonly ReservationLine[],
    ttlSeconds: number,
  ): Promise<{ changes: StockChange[]; expiresAt: string }> {
    const rows = await queryRows<StockRow & { id: string; quantity: number; expires_at: Date }>(
      tx.manager,
      HOLD_LOCKED,
      [orderId, lines.map((l) => l.variantId), lines.map((l) => l.quantity), ttlSeconds],
    );
    if (rows.length !== lines.length) {
      throw new Error(`Order ${orderId}: ${lines.length - rows.length} locked line(s) found fewer units than checked`);
    }
    return {
      changes: rows.map((row) => change(row.id, row.quantity, row, row.quantity)),
      expiresAt: rows[0].expires_at.toISOString(),
    };
  }

  /**
   * Sells what an order holds if its reservation is `reserved` (it becomes `committed`): the held
   * units leave `on_hand` and `reserved`, in one statement that locks the variants in id order (the
   * lock order of every stock write) before changing them. Returns the lines sold, in variant-id
   * order, or undefined when the reservation was not `reserved` (nothing changed).
   */
  async commitReserved(tx: Transaction, orderId: string): Promise<ReservedLine[] | undefined> {
    const rows = await queryRows<ReservedLine & { committed: boolean }>(tx.manager, COMMIT_RESERVED, [orderId]);
    if (rows.length === 0 || !rows[0].committed) return undefined;
    return rows
      .filter((row) => row.variantId !== null)
      .map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity }));
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
