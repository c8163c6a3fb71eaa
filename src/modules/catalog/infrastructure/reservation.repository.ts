import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { LineProblem } from '../domain/reservation-lines';
import { ReservationStatus, ReservedLine } from '../domain/stock';
import { queryRows } from '../../../platform/database';

/**
 * Orders' stock reservations in catalog's schema: one row per order (its status moves once per
 * step, under the row's lock) and the lines it holds. Every method runs in the caller's transaction.
 */
@Injectable()
export class ReservationRepository {
  /** Claims an order id for a reservation; false when the order already has one (or had its release first). */
  async claimReservation(tx: Transaction, orderId: string): Promise<boolean> {
    const rows = await queryRows(
      tx.manager,
      `INSERT INTO reservations (order_id, status) VALUES ($1, 'pending') ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId],
    );
    return rows.length === 1;
  }

  /** What a reservation already made answered: reserved when it holds lines, else rejected. */
  async outcomeOf(tx: Transaction, orderId: string): Promise<'reserved' | 'rejected'> {
    const [row] = await queryRows<{ status: ReservationStatus; had_lines: boolean }>(
      tx.manager,
      `SELECT status, EXISTS (SELECT 1 FROM reservation_lines l WHERE l.order_id = r.order_id) AS had_lines
         FROM reservations r WHERE order_id = $1`,
      [orderId],
    );
    return row && row.status !== 'rejected' && row.had_lines ? 'reserved' : 'rejected';
  }

  /** Records why an order's reservation was refused. */
  async markRejected(tx: Transaction, orderId: string, problems: readonly LineProblem[]): Promise<void> {
    await queryRows(
      tx.manager,
      `UPDATE reservations SET status = 'rejected', problems = $2::jsonb, updated_at = now() WHERE order_id = $1`,
      [orderId, JSON.stringify(problems)],
    );
  }

  /**
   * Moves a reservation from one of `from` to `to`, returning its previous status, or undefined
   * when it is in none of them. The row lock this takes serializes release, commit and expiry.
   */
  async transition(
    tx: Transaction,
    orderId: string,
    from: readonly ReservationStatus[],
    to: ReservationStatus,
    reason: string | null,
  ): Promise<ReservationStatus | undefined> {
    const [row] = await queryRows<{ previous: ReservationStatus }>(
      tx.manager,
      `UPDATE reservations r SET status = $3, reason = coalesce($4, r.reason), updated_at = now()
         FROM (SELECT order_id, status FROM reservations WHERE order_id = $1 FOR UPDATE) old
        WHERE r.order_id = old.order_id AND old.status = ANY($2::text[])
        RETURNING old.status AS previous`,
      [orderId, from, to, reason],
    );
    return row?.previous;
  }

  /** Records that an order was released before it ever reserved, so a late ReserveStock holds nothing. */
  async tombstone(tx: Transaction, orderId: string, reason: string): Promise<boolean> {
    const rows = await queryRows(
      tx.manager,
      `INSERT INTO reservations (order_id, status, reason) VALUES ($1, 'released', $2)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, reason],
    );
    return rows.length === 1;
  }

  /** The lines an order holds (or held), in variant-id order: the lock order of every stock write. */
  async lines(tx: Transaction, orderId: string): Promise<ReservedLine[]> {
    return queryRows<ReservedLine>(
      tx.manager,
      `SELECT variant_id AS "variantId", product_id AS "productId", quantity
         FROM reservation_lines WHERE order_id = $1 ORDER BY variant_id`,
      [orderId],
    );
  }

  /** Reservations past their expiry that no other instance is handling right now. */
  async lapsed(tx: Transaction, limit: number): Promise<string[]> {
    const rows = await queryRows<{ order_id: string }>(
      tx.manager,
      `SELECT order_id FROM reservations WHERE status = 'reserved' AND expires_at <= now()
        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => row.order_id);
  }
}
