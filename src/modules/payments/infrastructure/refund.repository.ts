import { Injectable } from '@nestjs/common';
import { minorUnits, Transaction } from '../../../platform/messaging';
import { NewRefund, Refund, RefundStatus } from '../domain/payment';

/** The columns of a refund: adding a field to `Refund` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  paymentId: 'payment_id',
  requestKey: 'request_key',
  amount: 'amount',
  reason: 'reason',
  status: 'status',
  providerRef: 'provider_ref',
  failureReason: 'failure_reason',
  createdAt: 'created_at',
} as const satisfies Record<keyof Refund, string>;

/** The columns written when a refund is recorded (every field but the database's `createdAt`). */
const RECORDED = Object.keys({
  id: true,
  paymentId: true,
  requestKey: true,
  amount: true,
  reason: true,
  status: true,
  providerRef: true,
  failureReason: true,
} satisfies Record<keyof NewRefund, true>) as (keyof NewRefund)[];

const RETURNING = Object.values(COLUMNS).join(', ');

const RECORD = `INSERT INTO refunds (${RECORDED.map((key) => COLUMNS[key]).join(', ')})
  VALUES (${RECORDED.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${RETURNING}`;

interface RefundRow {
  readonly id: string;
  readonly payment_id: string;
  readonly request_key: string;
  readonly amount: string;
  readonly reason: string;
  readonly status: RefundStatus;
  readonly provider_ref: string | null;
  readonly failure_reason: string | null;
  readonly created_at: Date;
}

/** Refunds of payments, always in the caller's transaction (under the payment's lock). */
@Injectable()
export class RefundRepository {
  /** The refund a request already made, by the request's key. */
  async findByRequestKey(tx: Transaction, paymentId: string, requestKey: string): Promise<Refund | undefined> {
    return first(
      await tx.manager.query(`SELECT ${RETURNING} FROM refunds WHERE payment_id = $1 AND request_key = $2`, [
        paymentId,
        requestKey,
      ]),
    );
  }

  /** Records a refund and returns it as stored. */
  async record(tx: Transaction, refund: NewRefund): Promise<Refund> {
    const rows = await tx.manager.query(
      RECORD,
      RECORDED.map((key) => refund[key]),
    );
    return first(rows)!;
  }

  /**
   * Ends a pending refund as the provider answered; returns it as stored and whether this call
   * ended it (false: it had ended before, e.g. a concurrent retry).
   */
  async finish(
    tx: Transaction,
    id: string,
    outcome: { status: 'succeeded'; providerRef: string | null } | { status: 'failed'; failureReason: string },
  ): Promise<{ refund: Refund; ended: boolean }> {
    const [rows] = (await tx.manager.query(
      `UPDATE refunds SET status = $2, provider_ref = $3, failure_reason = $4
        WHERE id = $1 AND status = 'pending' RETURNING ${RETURNING}`,
      [
        id,
        outcome.status,
        outcome.status === 'succeeded' ? outcome.providerRef : null,
        outcome.status === 'failed' ? outcome.failureReason : null,
      ],
    )) as [RefundRow[], number];
    if (rows.length > 0) return { refund: toRefund(rows[0]), ended: true };
    const stored = first(await tx.manager.query(`SELECT ${RETURNING} FROM refunds WHERE id = $1`, [id]));
    return { refund: stored!, ended: false };
  }
}

function first(rows: unknown): Refund | undefined {
  const [row] = rows as RefundRow[];
  return row && toRefund(row);
}

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    requestKey: row.request_key,
    amount: minorUnits(row.amount),
    reason: row.reason,
    status: row.status,
    providerRef: row.provider_ref,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
  };
}
