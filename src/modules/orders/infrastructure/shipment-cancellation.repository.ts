import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';

/** A cancellation of a confirmed order that asked shipping and is not settled yet. */
export interface PendingShipmentCancellation {
  readonly orderId: string;
  /** The order's cancellation reason once it is settled (`cancelled_by_customer`, `cancelled_by_admin`). */
  readonly reason: string;
}

/**
 * The cancellations of confirmed orders waiting for shipping's answer (ADR 0113): recorded before
 * shipping is asked, settled (and deleted) when it answers, so a crash or a timeout between the two
 * leaves a row the sweeper settles, never an order half cancelled.
 */
@Injectable()
export class ShipmentCancellationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Records that the order's cancellation asks shipping; the first reason recorded stays. False when a
   * request was already recorded (a concurrent or retried cancellation waiting for the same answer).
   */
  async request(tx: Transaction, orderId: string, reason: string): Promise<boolean> {
    const inserted = (await tx.manager.query(
      `INSERT INTO shipment_cancellations (order_id, reason) VALUES ($1, $2)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, reason],
    )) as unknown[];
    return inserted.length > 0;
  }

  /** The order's pending cancellation, locked for the rest of the transaction (take the saga's and order's locks first). */
  async lock(tx: Transaction, orderId: string): Promise<PendingShipmentCancellation | undefined> {
    const [row] = (await tx.manager.query(
      `SELECT order_id, reason FROM shipment_cancellations WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    )) as { order_id: string; reason: string }[];
    return row && { orderId: row.order_id, reason: row.reason };
  }

  /** Forgets a settled cancellation. */
  async settle(tx: Transaction, orderId: string): Promise<void> {
    await tx.manager.query(`DELETE FROM shipment_cancellations WHERE order_id = $1`, [orderId]);
  }

  /** Up to `limit` cancellations requested before `before`, oldest first (the sweeper's work). */
  async overdue(before: Date, limit: number): Promise<PendingShipmentCancellation[]> {
    const rows = (await this.uow.reader.query(
      `SELECT order_id, reason FROM shipment_cancellations WHERE requested_at < $1 ORDER BY requested_at LIMIT $2`,
      [before, limit],
    )) as { order_id: string; reason: string }[];
    return rows.map((row) => ({ orderId: row.order_id, reason: row.reason }));
  }
}
