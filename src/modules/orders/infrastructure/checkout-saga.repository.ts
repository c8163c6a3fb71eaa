import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { CheckoutSaga, CheckoutState } from '../domain/checkout-saga';

/** The columns of a saga: adding a field to `CheckoutSaga` is a compile error here until it is mapped. */
export const SAGA_COLUMNS = {
  orderId: 'order_id',
  state: 'state',
  promotions: 'promotions',
  stockCommitted: 'stock_committed',
  paymentCaptured: 'payment_captured',
  stepDeadline: 'step_deadline',
} as const satisfies Record<keyof CheckoutSaga, string>;

const LOCK = `SELECT ${Object.values(SAGA_COLUMNS).join(', ')} FROM checkout_sagas WHERE order_id = $1 FOR UPDATE`;

/** The saga whose reply is overdue the longest, locked; several instances may sweep at once. */
const LOCK_OVERDUE = `
  SELECT order_id FROM checkout_sagas
   WHERE step_deadline IS NOT NULL AND step_deadline < now()
   ORDER BY step_deadline
   LIMIT 1
     FOR UPDATE SKIP LOCKED`;

/** Whether any saga's reply is overdue (one index probe, no transaction). */
const ANY_OVERDUE = `SELECT EXISTS (SELECT 1 FROM checkout_sagas WHERE step_deadline IS NOT NULL AND step_deadline < now()) AS any`;

/** A saga as a statement returns it (see toSaga). */
export interface SagaRow {
  readonly order_id: string;
  readonly state: CheckoutState;
  readonly promotions: boolean;
  readonly stock_committed: boolean;
  readonly payment_captured: boolean;
  readonly step_deadline: Date | null;
}

/**
 * The checkout process manager's durable state, one row per order, always in the caller's
 * transaction: every step locks its order's saga first, so the steps of one order never interleave.
 */
@Injectable()
export class CheckoutSagaRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** An order's saga, locked for the rest of the transaction. */
  async lock(tx: Transaction, orderId: string): Promise<CheckoutSaga | undefined> {
    const [row] = (await tx.manager.query(LOCK, [orderId])) as SagaRow[];
    return row && toSaga(row);
  }

  /** Saves where the saga went (it was locked by `lock` in the same transaction). */
  async save(tx: Transaction, saga: CheckoutSaga): Promise<void> {
    await tx.manager.query(
      `UPDATE checkout_sagas SET state = $2, promotions = $3, stock_committed = $4, payment_captured = $5, step_deadline = $6,
         updated_at = now() WHERE order_id = $1`,
      sagaParams(saga),
    );
  }

  /**
   * Whether some saga's step deadline has passed, read outside any transaction: the sweeper asks
   * this every second, and an idle shop answers no without a transaction (BEGIN, lock, COMMIT).
   */
  async anyOverdue(): Promise<boolean> {
    const [row] = (await this.uow.reader.query(ANY_OVERDUE)) as { any: boolean }[];
    return row?.any === true;
  }

  /** The order id of one saga whose step deadline has passed, locked (skipping those locked by others). */
  async lockOneOverdue(tx: Transaction): Promise<string | undefined> {
    const [row] = (await tx.manager.query(LOCK_OVERDUE)) as { order_id: string }[];
    return row?.order_id;
  }
}

/** The saga's fields as parameters, in the order of SAGA_COLUMNS ($1 is the order id). */
export function sagaParams(saga: CheckoutSaga): unknown[] {
  return (Object.keys(SAGA_COLUMNS) as (keyof CheckoutSaga)[]).map((key) => saga[key]);
}

/** Maps a saga's row to the domain's CheckoutSaga. */
export function toSaga(row: SagaRow): CheckoutSaga {
  return {
    orderId: row.order_id,
    state: row.state,
    promotions: row.promotions,
    stockCommitted: row.stock_committed,
    paymentCaptured: row.payment_captured,
    stepDeadline: row.step_deadline,
  };
}
