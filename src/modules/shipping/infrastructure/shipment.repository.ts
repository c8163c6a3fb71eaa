import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { OrderFulfilment } from '../domain/fulfilment-status';
import { FulfilmentOrder } from '../domain/fulfilment-order';
import { Shipment, ShipmentLine, ShipmentStatus, ShippingAddress } from '../domain/shipment';
import { queryRows } from '../../../platform/database';

/** The columns of a shipment: adding a field to `Shipment` is a compile error here until mapped. */
const COLUMNS = {
  id: 'id',
  orderId: 'order_id',
  status: 'status',
  lines: 'lines',
  address: 'address',
  method: 'method',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  exceptionReason: 'exception_reason',
  lastTracking: 'last_tracking_occurred_at, last_tracking_sequence, last_tracking_rank',
  packedAt: 'packed_at',
  dispatchedAt: 'dispatched_at',
  deliveredAt: 'delivered_at',
  cancelledAt: 'cancelled_at',
} satisfies Record<keyof Shipment, string>;

const SELECT = `SELECT ${Object.values(COLUMNS).join(', ')} FROM shipments`;

interface ShipmentRow {
  readonly id: string;
  readonly order_id: string;
  readonly status: ShipmentStatus;
  readonly lines: ShipmentLine[];
  readonly address: ShippingAddress | null;
  readonly method: { id: string; name: string } | null;
  readonly carrier: string | null;
  readonly tracking_number: string | null;
  readonly exception_reason: string | null;
  /** bigint columns come back as strings. */
  readonly last_tracking_occurred_at: string | null;
  readonly last_tracking_sequence: string | null;
  readonly last_tracking_rank: number | null;
  readonly packed_at: Date | null;
  readonly dispatched_at: Date | null;
  readonly delivered_at: Date | null;
  readonly cancelled_at: Date | null;
}

interface OrderRow {
  readonly order_id: string;
  readonly customer_id: string;
  readonly lines: ShipmentLine[];
  readonly cancelled_at: Date | null;
}

/** Which shipments a list shows. */
export interface ShipmentFilter {
  readonly status?: ShipmentStatus;
  readonly orderId?: string;
}

/**
 * Shipments and the orders they fulfil (`shipping.shipments`, `shipping.fulfilment_orders`). Every
 * change of an order's shipments locks the order's row first (`lockOrder`), then its shipments: one
 * order's changes run one at a time, so its derived fulfilment is computed over a consistent set.
 */
@Injectable()
export class ShipmentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records a confirmed order once; false when it was already known (a repeat, or cancelled first). */
  async recordOrder(tx: Transaction, order: FulfilmentOrder): Promise<boolean> {
    const rows = await queryRows<{ order_id: string }>(
      tx.manager,
      `INSERT INTO fulfilment_orders (order_id, customer_id, lines, confirmed_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [order.orderId, order.customerId, JSON.stringify(order.lines)],
    );
    return rows.length > 0;
  }

  /**
   * Makes sure shipping has a row for the order (an empty one when `OrderConfirmed` has not come):
   * it serializes with a confirmation of the same order arriving at the same time.
   */
  async ensureOrder(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO fulfilment_orders (order_id, customer_id, lines) VALUES ($1, $2, '[]'::jsonb)
       ON CONFLICT (order_id) DO NOTHING`,
      [orderId, customerId],
    );
  }

  /** Marks an order cancelled (kept the first time); an empty row becomes a tombstone that ships nothing. */
  async markOrderCancelled(tx: Transaction, orderId: string, at: Date): Promise<void> {
    await tx.manager.query(
      `UPDATE fulfilment_orders SET cancelled_at = coalesce(cancelled_at, $2) WHERE order_id = $1`,
      [orderId, at],
    );
  }

  /** The order, locked for a change of its shipments, or undefined. */
  async lockOrder(tx: Transaction, orderId: string): Promise<FulfilmentOrder | undefined> {
    const [row] = await queryRows<OrderRow>(
      tx.manager,
      `SELECT order_id, customer_id, lines, cancelled_at FROM fulfilment_orders WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    );
    return row && toOrder(row);
  }

  /** The order, read once (no lock), or undefined. */
  async findOrder(orderId: string): Promise<FulfilmentOrder | undefined> {
    const [row] = await queryRows<OrderRow>(
      this.uow.reader,
      `SELECT order_id, customer_id, lines, cancelled_at FROM fulfilment_orders WHERE order_id = $1`,
      [orderId],
    );
    return row && toOrder(row);
  }

  /** Remembers the order's derived fulfilment (for lists and for orders to catch up from). */
  async setFulfilment(tx: Transaction, orderId: string, fulfilment: OrderFulfilment | null): Promise<void> {
    await tx.manager.query(`UPDATE fulfilment_orders SET fulfilment = $2 WHERE order_id = $1`, [orderId, fulfilment]);
  }

  /** Every shipment of an order in creation order; inside a transaction they are locked (call `lockOrder` first). */
  async ofOrder(orderId: string, tx?: Transaction): Promise<Shipment[]> {
    const manager: EntityManager = tx?.manager ?? this.uow.reader;
    const rows = await queryRows<ShipmentRow>(
      manager,
      `${SELECT} WHERE order_id = $1 ORDER BY id${tx ? ' FOR UPDATE' : ''}`,
      [orderId],
    );
    return rows.map(toShipment);
  }

  /** One shipment, read once, or undefined. */
  async find(id: string): Promise<Shipment | undefined> {
    const [row] = await queryRows<ShipmentRow>(this.uow.reader, `${SELECT} WHERE id = $1`, [id]);
    return row && toShipment(row);
  }

  /** The order a carrier's parcel belongs to, by the carrier and its tracking number, or undefined. */
  async orderOfParcel(carrier: string, trackingNumber: string, tx?: Transaction): Promise<string | undefined> {
    const [row] = await queryRows<{ order_id: string }>(
      tx?.manager ?? this.uow.reader,
      `SELECT order_id FROM shipments WHERE carrier = $1 AND tracking_number = $2`,
      [carrier, trackingNumber],
    );
    return row?.order_id;
  }

  /** A page of shipments in id order (oldest first) after `afterId`. */
  async page(filter: ShipmentFilter, limit: number, afterId: string | null): Promise<Shipment[]> {
    const rows = await queryRows<ShipmentRow>(
      this.uow.reader,
      `${SELECT} WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR order_id = $2)
         AND ($3::uuid IS NULL OR id > $3) ORDER BY id LIMIT $4`,
      [filter.status ?? null, filter.orderId ?? null, afterId, limit],
    );
    return rows.map(toShipment);
  }

  /** Inserts or replaces shipments (every column of `COLUMNS`). */
  async save(tx: Transaction, ...shipments: Shipment[]): Promise<void> {
    for (const s of shipments) {
      await tx.manager.query(
        `INSERT INTO shipments (${Object.values(COLUMNS).join(', ')})
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, lines = EXCLUDED.lines, address = EXCLUDED.address,
           method = EXCLUDED.method, carrier = EXCLUDED.carrier, tracking_number = EXCLUDED.tracking_number,
           exception_reason = EXCLUDED.exception_reason,
           last_tracking_occurred_at = EXCLUDED.last_tracking_occurred_at,
           last_tracking_sequence = EXCLUDED.last_tracking_sequence, last_tracking_rank = EXCLUDED.last_tracking_rank,
           packed_at = EXCLUDED.packed_at, dispatched_at = EXCLUDED.dispatched_at,
           delivered_at = EXCLUDED.delivered_at, cancelled_at = EXCLUDED.cancelled_at, updated_at = now()`,
        [
          s.id,
          s.orderId,
          s.status,
          JSON.stringify(s.lines),
          s.address === null ? null : JSON.stringify(s.address),
          s.method === null ? null : JSON.stringify(s.method),
          s.carrier,
          s.trackingNumber,
          s.exceptionReason,
          s.lastTracking?.occurredAt ?? null,
          s.lastTracking?.sequence ?? null,
          s.lastTracking?.rank ?? null,
          s.packedAt,
          s.dispatchedAt,
          s.deliveredAt,
          s.cancelledAt,
        ],
      );
    }
  }

  /** Whether another shipment already carries this carrier's tracking number. */
  async trackingNumberTaken(
    tx: Transaction,
    carrier: string,
    trackingNumber: string,
    except: string,
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      tx.manager,
      `SELECT id FROM shipments WHERE carrier = $1 AND tracking_number = $2 AND id <> $3`,
      [carrier, trackingNumber, except],
    );
    return rows.length > 0;
  }
}

function toOrder(row: OrderRow): FulfilmentOrder {
  return { orderId: row.order_id, customerId: row.customer_id, lines: row.lines, cancelledAt: row.cancelled_at };
}

function toShipment(row: ShipmentRow): Shipment {
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    lines: row.lines,
    address: row.address,
    method: row.method,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    exceptionReason: row.exception_reason,
    lastTracking:
      row.last_tracking_occurred_at === null
        ? null
        : {
            occurredAt: Number(row.last_tracking_occurred_at),
            sequence: Number(row.last_tracking_sequence),
            rank: row.last_tracking_rank ?? 0,
          },
    packedAt: row.packed_at,
    dispatchedAt: row.dispatched_at,
    deliveredAt: row.delivered_at,
    cancelledAt: row.cancelled_at,
  };
}
