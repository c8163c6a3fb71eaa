import { Injectable } from '@nestjs/common';
import { Money, minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { TimelineEntry } from '../domain/order';

/** The columns of an entry: adding a field to `TimelineEntry` is a compile error here until it is mapped. */
const COLUMNS = {
  status: 'status',
  at: 'at',
  reason: 'reason',
  amount: 'amount, currency',
} as const satisfies Record<keyof TimelineEntry, string>;

const SELECT = `SELECT order_id, ${Object.values(COLUMNS).join(', ')} FROM order_timeline`;

interface EntryRow {
  readonly order_id: string;
  readonly status: string;
  readonly at: Date;
  readonly reason: string | null;
  readonly amount: string | null;
  readonly currency: string | null;
}

/** What happened to each order, its money and its stock, shown to the customer and admins. */
@Injectable()
export class OrderTimelineRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Appends an entry to an order's timeline. */
  async record(
    tx: Transaction,
    orderId: string,
    status: string,
    reason: string | null = null,
    money: Money | null = null,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO order_timeline (order_id, status, reason, amount, currency) VALUES ($1, $2, $3, $4, $5)`,
      [orderId, status, reason, money?.amount ?? null, money?.currency ?? null],
    );
  }

  /**
   * Records what another module reports about an order (a refund, released stock), if the order is
   * one of ours: other modules' messages name orders by id only, and may concern orders this
   * database never had (tests, another deployment's data). One statement either way.
   */
  async recordIfKnown(
    tx: Transaction,
    orderId: string,
    status: string,
    reason: string | null = null,
    money: Money | null = null,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO order_timeline (order_id, status, reason, amount, currency)
       SELECT id, $2, $3, $4, $5 FROM orders WHERE id = $1`,
      [orderId, status, reason, money?.amount ?? null, money?.currency ?? null],
    );
  }

  /** The timelines of several orders, by order id, oldest entry first. */
  async entriesOf(orderIds: readonly string[], tx?: Transaction): Promise<Map<string, TimelineEntry[]>> {
    const rows = (await (tx?.manager ?? this.uow.reader).query(
      `${SELECT} WHERE order_id = ANY($1::uuid[]) ORDER BY seq`,
      [orderIds],
    )) as EntryRow[];
    const byOrder = new Map<string, TimelineEntry[]>();
    for (const row of rows) {
      const entries = byOrder.get(row.order_id) ?? [];
      if (entries.length === 0) byOrder.set(row.order_id, entries);
      entries.push(toEntry(row));
    }
    return byOrder;
  }
}

function toEntry(row: EntryRow): TimelineEntry {
  return {
    status: row.status,
    at: row.at,
    reason: row.reason,
    amount:
      row.amount !== null && row.currency !== null ? { amount: minorUnits(row.amount), currency: row.currency } : null,
  };
}
