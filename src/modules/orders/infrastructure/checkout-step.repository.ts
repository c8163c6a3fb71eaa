import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { CheckoutSaga } from '../domain/checkout-saga';
import { Order, OrderStatus } from '../domain/order';
import { SagaRow, SAGA_COLUMNS, sagaParams, toSaga } from './checkout-saga.repository';
import {
  LineRow,
  ORDER_LINE_COLUMNS,
  orderColumnsOf,
  OrderRow,
  RefundableLine,
  toLine,
  toOrder,
} from './order.repository';

/**
 * The saga locked, with its order and the order's lines, in one round trip. The saga's columns are
 * prefixed `saga_` (the order has a `promotions` column of its own); the lines come as one JSON array.
 * The order is share-locked too: when the saga's lock had to be waited for, READ COMMITTED reads a
 * locked row again at its newest version, but an unlocked row of the same statement as the statement
 * began — the order as it stood before the transaction waited for (a cancellation's reason) committed.
 * Every writer of an order locks its saga first, so this waits for no one the saga lock did not.
 */
const LOCK = `
  SELECT ${Object.values(SAGA_COLUMNS)
    .map((column) => `s.${column} AS saga_${column}`)
    .join(', ')},
         ${orderColumnsOf('o')},
         (SELECT coalesce(json_agg(l ORDER BY l.line_no), '[]')
            FROM (SELECT ${ORDER_LINE_COLUMNS} FROM order_lines WHERE order_id = s.order_id) l) AS lines
    FROM checkout_sagas s JOIN orders o ON o.id = s.order_id
   WHERE s.order_id = $1
     FOR UPDATE OF s FOR SHARE OF o`;

/**
 * Where the saga went, the order's new status (if any) and its timeline entries, in one statement
 * (each data-modifying CTE runs once, referenced or not). The entries keep their order: identity
 * values are drawn as the ordered rows are inserted.
 */
const SAVE = `
  WITH saga AS (
    UPDATE checkout_sagas
       SET state = $2, promotions = $3, stock_committed = $4, payment_captured = $5, step_deadline = $6, updated_at = now()
     WHERE order_id = $1),
  changed AS (
    UPDATE orders SET updated_at = now(), status = $7, cancel_reason = coalesce($8, cancel_reason)
     WHERE id = $1 AND $7::text IS NOT NULL)
  INSERT INTO order_timeline (order_id, status, reason)
  SELECT $1, entry.status, entry.reason
    FROM unnest($9::text[], $10::text[]) WITH ORDINALITY AS entry (status, reason, n)
   ORDER BY entry.n`;

type StepRow = { [K in keyof SagaRow as `saga_${K}`]: SagaRow[K] } & OrderRow & { readonly lines: LineRow[] };

/** A checkout step's inputs: the saga (locked), its order and the order's lines. */
export interface CheckoutStepState {
  readonly saga: CheckoutSaga;
  readonly order: Order;
  readonly lines: RefundableLine[];
}

/** What a checkout step changes, all written by {@link CheckoutStepRepository.save} at once. */
export interface CheckoutStepChanges {
  readonly saga: CheckoutSaga;
  /** The order's new status (and its cancel reason); undefined leaves the order as it is. */
  readonly order?: { readonly status: OrderStatus; readonly cancelReason?: string };
  /** Timeline entries to append, in order. */
  readonly timeline: readonly { readonly status: string; readonly reason?: string | null }[];
}

/**
 * A checkout step's reads and writes, one statement each: the step locks the saga (as every step
 * of an order does first, so one order's steps never interleave) and reads its order with it, then
 * writes the saga, the order's status and the timeline together.
 */
@Injectable()
export class CheckoutStepRepository {
  /** The order's saga locked for the rest of `tx`, with the order and its lines; undefined when there is no saga. */
  async lock(tx: Transaction, orderId: string): Promise<CheckoutStepState | undefined> {
    const [row] = (await tx.manager.query(LOCK, [orderId])) as StepRow[];
    if (!row) return undefined;
    return {
      saga: toSaga({
        order_id: row.saga_order_id,
        state: row.saga_state,
        promotions: row.saga_promotions,
        stock_committed: row.saga_stock_committed,
        payment_captured: row.saga_payment_captured,
        step_deadline: row.saga_step_deadline,
      }),
      order: toOrder(row),
      lines: row.lines.map(toLine),
    };
  }

  /** Writes a step's changes (the saga was locked by `lock` in the same transaction). */
  async save(tx: Transaction, changes: CheckoutStepChanges): Promise<void> {
    await tx.manager.query(SAVE, [
      ...sagaParams(changes.saga),
      changes.order?.status ?? null,
      changes.order?.cancelReason ?? null,
      changes.timeline.map((entry) => entry.status),
      changes.timeline.map((entry) => entry.reason ?? null),
    ]);
  }
}
