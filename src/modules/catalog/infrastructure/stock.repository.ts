import { EntityManager } from 'typeorm';
import { minorUnits } from '../../../platform/messaging';
import { LineProblem, ReservationLine } from '../domain/reservation-lines';
import { queryRows } from './sql';

/** A variant's stock after a change, with what it was before (for low-stock and availability signals). */
export interface StockChange {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly availableBefore: number;
  readonly availableAfter: number;
}

export interface VariantForSale {
  readonly id: string;
  readonly product_id: string;
  readonly sku: string;
  readonly available: number;
  readonly purchasable: boolean;
  /** The current unit price, minor units. */
  readonly price_amount: number;
  readonly price_currency: string;
}

export type ReservationStatus = 'pending' | 'reserved' | 'rejected' | 'committed' | 'released' | 'restocked';

export interface ReservedLine {
  readonly variantId: string;
  readonly productId: string;
  readonly quantity: number;
}

interface StockRow {
  readonly product_id: string;
  readonly sku: string;
  readonly on_hand: number;
  readonly reserved: number;
}

/**
 * The stock SQL of the catalog. Every change of a stock level is a single conditional UPDATE, so
 * no lock is held across a round trip and `reserved <= on_hand` is checked by the row itself.
 */
export const StockRepository = {
  /** Claims an order id for a reservation; false when the order already has one (or had its release first). */
  async claimReservation(m: EntityManager, orderId: string): Promise<boolean> {
    const rows = await queryRows(
      m,
      `INSERT INTO reservations (order_id, status) VALUES ($1, 'pending') ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId],
    );
    return rows.length === 1;
  },

  async outcomeOf(m: EntityManager, orderId: string): Promise<'reserved' | 'rejected'> {
    const [row] = await queryRows<{ status: ReservationStatus; had_lines: boolean }>(
      m,
      `SELECT status, EXISTS (SELECT 1 FROM reservation_lines l WHERE l.order_id = r.order_id) AS had_lines
         FROM reservations r WHERE order_id = $1`,
      [orderId],
    );
    return row && row.status !== 'rejected' && row.had_lines ? 'reserved' : 'rejected';
  },

  async variantsForSale(m: EntityManager, variantIds: readonly string[]): Promise<Map<string, VariantForSale>> {
    const rows = await queryRows<VariantForSale & { price_amount: string }>(
      m,
      `SELECT v.id, v.product_id, v.sku, v.on_hand - v.reserved AS available, p.status = 'active' AS purchasable,
              v.price_amount, v.price_currency
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1::uuid[])`,
      [variantIds],
    );
    return new Map(rows.map((row) => [row.id, { ...row, price_amount: minorUnits(row.price_amount) }]));
  },

  /** Holds `quantity` units if that many are available right now; undefined otherwise. */
  async tryReserve(m: EntityManager, line: ReservationLine): Promise<StockChange | undefined> {
    const [row] = await queryRows<StockRow>(
      m,
      `UPDATE variants SET reserved = reserved + $2, updated_at = now()
        WHERE id = $1 AND on_hand - reserved >= $2
        RETURNING product_id, sku, on_hand, reserved`,
      [line.variantId, line.quantity],
    );
    return row && change(line.variantId, line.quantity, row, line.quantity);
  },

  async available(m: EntityManager, variantId: string): Promise<number> {
    const [row] = await queryRows<{ available: number }>(
      m,
      `SELECT on_hand - reserved AS available FROM variants WHERE id = $1`,
      [variantId],
    );
    return row?.available ?? 0;
  },

  async markReserved(
    m: EntityManager,
    orderId: string,
    lines: readonly ReservedLine[],
    ttlSeconds: number,
  ): Promise<string> {
    await queryRows(
      m,
      `INSERT INTO reservation_lines (order_id, variant_id, product_id, quantity)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
      [orderId, lines.map((l) => l.variantId), lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
    const [row] = await queryRows<{ expires_at: Date }>(
      m,
      `UPDATE reservations SET status = 'reserved', expires_at = now() + make_interval(secs => $2), updated_at = now()
        WHERE order_id = $1 RETURNING expires_at`,
      [orderId, ttlSeconds],
    );
    return row.expires_at.toISOString();
  },

  async markRejected(m: EntityManager, orderId: string, problems: readonly LineProblem[]): Promise<void> {
    await queryRows(
      m,
      `UPDATE reservations SET status = 'rejected', problems = $2::jsonb, updated_at = now() WHERE order_id = $1`,
      [orderId, JSON.stringify(problems)],
    );
  },

  /**
   * Moves a reservation from one of `from` to `to`, returning its previous status, or undefined
   * when it is in none of them. The row lock this takes serializes release, commit and expiry.
   */
  async transition(
    m: EntityManager,
    orderId: string,
    from: readonly ReservationStatus[],
    to: ReservationStatus,
    reason: string | null,
  ): Promise<ReservationStatus | undefined> {
    const [row] = await queryRows<{ previous: ReservationStatus }>(
      m,
      `UPDATE reservations r SET status = $3, reason = coalesce($4, r.reason), updated_at = now()
         FROM (SELECT order_id, status FROM reservations WHERE order_id = $1 FOR UPDATE) old
        WHERE r.order_id = old.order_id AND old.status = ANY($2::text[])
        RETURNING old.status AS previous`,
      [orderId, from, to, reason],
    );
    return row?.previous;
  },

  /** Records that an order was released before it ever reserved, so a late ReserveStock holds nothing. */
  async tombstone(m: EntityManager, orderId: string, reason: string): Promise<boolean> {
    const rows = await queryRows(
      m,
      `INSERT INTO reservations (order_id, status, reason) VALUES ($1, 'released', $2)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, reason],
    );
    return rows.length === 1;
  },

  async lines(m: EntityManager, orderId: string): Promise<ReservedLine[]> {
    return queryRows<ReservedLine>(
      m,
      `SELECT variant_id AS "variantId", product_id AS "productId", quantity
         FROM reservation_lines WHERE order_id = $1 ORDER BY variant_id`,
      [orderId],
    );
  },

  /** Changes a variant's `on_hand` and `reserved` by the given amounts in one statement. */
  async adjust(m: EntityManager, line: ReservedLine, onHandDelta: number, reservedDelta: number): Promise<StockChange> {
    const [row] = await queryRows<StockRow>(
      m,
      `UPDATE variants SET on_hand = on_hand + $2, reserved = reserved + $3, updated_at = now()
        WHERE id = $1 RETURNING product_id, sku, on_hand, reserved`,
      [line.variantId, onHandDelta, reservedDelta],
    );
    return change(line.variantId, line.quantity, row, reservedDelta - onHandDelta);
  },

  /** Reservations past their expiry that no other instance is handling right now. */
  async lapsed(m: EntityManager, limit: number): Promise<string[]> {
    const rows = await queryRows<{ order_id: string }>(
      m,
      `SELECT order_id FROM reservations WHERE status = 'reserved' AND expires_at <= now()
        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => row.order_id);
  },
};

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
