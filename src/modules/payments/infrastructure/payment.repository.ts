import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { NewPayment, Payment, PaymentChanges } from '../domain/payment';
import { canTransition, PAYMENT_STATUSES, PaymentStatus } from '../domain/payment-status';
import { RiskDecision } from '../domain/risk-assessment';

/** The columns of a payment: adding a field to `Payment` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  orderId: 'order_id',
  customerId: 'customer_id',
  amount: 'amount',
  currency: 'currency',
  capturedAmount: 'captured_amount',
  refundedAmount: 'refunded_amount',
  provider: 'provider',
  providerRef: 'provider_ref',
  last4: 'last4',
  status: 'status',
  declineReason: 'decline_reason',
  shippingCountry: 'shipping_country',
  riskScore: 'risk_score',
  riskDecision: 'risk_decision',
  riskReasons: 'risk_reasons',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof Payment, string>;

/** The columns a status change may set besides the status. */
const CHANGEABLE = {
  providerRef: COLUMNS.providerRef,
  last4: COLUMNS.last4,
  declineReason: COLUMNS.declineReason,
  capturedAmount: COLUMNS.capturedAmount,
  refundedAmount: COLUMNS.refundedAmount,
} as const satisfies Record<keyof PaymentChanges, string>;

/** The columns written when a payment is opened (the rest start as the table's defaults). */
const OPENED = Object.keys({
  id: true,
  orderId: true,
  customerId: true,
  amount: true,
  currency: true,
  provider: true,
  last4: true,
  status: true,
  declineReason: true,
  shippingCountry: true,
  riskScore: true,
  riskDecision: true,
  riskReasons: true,
} satisfies Record<keyof NewPayment, true>) as (keyof NewPayment)[];

const SELECT = `SELECT ${Object.values(COLUMNS).join(', ')} FROM payments`;

const OPEN = `INSERT INTO payments (${OPENED.map((key) => COLUMNS[key]).join(', ')})
  VALUES (${OPENED.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (order_id) DO NOTHING RETURNING ${Object.values(COLUMNS).join(', ')}`;

interface PaymentRow {
  readonly id: string;
  readonly order_id: string;
  readonly customer_id: string;
  readonly amount: string;
  readonly currency: string;
  readonly captured_amount: string;
  readonly refunded_amount: string;
  readonly provider: string;
  readonly provider_ref: string | null;
  readonly last4: string | null;
  readonly status: PaymentStatus;
  readonly decline_reason: string | null;
  readonly shipping_country: string;
  readonly risk_score: number;
  readonly risk_decision: RiskDecision;
  readonly risk_reasons: string[];
  readonly created_at: Date;
  readonly updated_at: Date;
}

/**
 * Payments' reads and state changes. Reads outside a transaction go through the module's reader;
 * everything that changes a payment runs in the caller's transaction.
 */
@Injectable()
export class PaymentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The payment of an order (one per order), in `tx` when given. */
  async findByOrder(orderId: string, tx?: Transaction): Promise<Payment | undefined> {
    if (!isUuid(orderId)) return undefined;
    return first(await (tx?.manager ?? this.uow.reader).query(`${SELECT} WHERE order_id = $1`, [orderId]));
  }

  /** A payment by its id. */
  async findById(id: string): Promise<Payment | undefined> {
    if (!isUuid(id)) return undefined;
    return first(await this.uow.reader.query(`${SELECT} WHERE id = $1`, [id]));
  }

  /** The payments of an order, oldest first. */
  async listOfOrder(orderId: string): Promise<Payment[]> {
    if (!isUuid(orderId)) return [];
    const rows = (await this.uow.reader.query(`${SELECT} WHERE order_id = $1 ORDER BY created_at`, [
      orderId,
    ])) as PaymentRow[];
    return rows.map(toPayment);
  }

  /** A payment locked for the rest of the transaction (refunds are reserved under this lock). */
  async lock(tx: Transaction, id: string): Promise<Payment | undefined> {
    if (!isUuid(id)) return undefined;
    return first(await tx.manager.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]));
  }

  /** The payment a provider event is about (by our id echoed in metadata, else by reference), locked. */
  async lockForProviderEvent(
    tx: Transaction,
    provider: string,
    paymentId: string | null,
    reference: string | null,
  ): Promise<Payment | undefined> {
    const [column, value] =
      paymentId && isUuid(paymentId) ? [COLUMNS.id, paymentId] : reference ? [COLUMNS.providerRef, reference] : [];
    if (!column) return undefined;
    return first(
      await tx.manager.query(`${SELECT} WHERE provider = $1 AND ${column} = $2 FOR UPDATE`, [provider, value]),
    );
  }

  /**
   * Records a payment unless its order has one already; returns the payment as recorded, or
   * undefined when the order had one (nothing written).
   */
  async open(tx: Transaction, payment: NewPayment): Promise<Payment | undefined> {
    return first(
      await tx.manager.query(
        OPEN,
        OPENED.map((key) => payment[key]),
      ),
    );
  }

  /**
   * Moves a payment to `to` only from a state that may precede it (see canTransition), so that a
   * concurrent or late change never moves it backwards. Returns whether it moved (false: the move
   * was not allowed, someone else got there first).
   */
  async transition(tx: Transaction, id: string, to: PaymentStatus, changes: PaymentChanges = {}): Promise<boolean> {
    const from = PAYMENT_STATUSES.filter((status) => canTransition(status, to));
    const keys = Object.keys(changes) as (keyof PaymentChanges)[];
    const sets = keys.map((key, i) => `, ${CHANGEABLE[key]} = $${i + 4}`).join('');
    const [rows] = (await tx.manager.query(
      `UPDATE payments SET status = $2, updated_at = now()${sets} WHERE id = $1 AND status = ANY($3) RETURNING id`,
      [id, to, from, ...keys.map((key) => changes[key])],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** Payments (and declined ones) by a customer since `minutes` ago, for the velocity rules. */
  async recentActivity(
    tx: Transaction,
    customerId: string,
    minutes: number,
  ): Promise<{ payments: number; failures: number }> {
    const [row] = (await tx.manager.query(
      `SELECT count(*)::int AS payments, count(*) FILTER (WHERE status = 'declined')::int AS failures
       FROM payments WHERE customer_id = $1 AND created_at > now() - make_interval(mins => $2)`,
      [customerId, minutes],
    )) as { payments: number; failures: number }[];
    return row;
  }

  /** Adds `amount` to the refunded amount (held for a refund in flight, or given back: negative). */
  async addRefunded(tx: Transaction, id: string, amount: number): Promise<void> {
    await tx.manager.query(`UPDATE payments SET refunded_amount = refunded_amount + $2 WHERE id = $1`, [id, amount]);
  }

  /** A refund succeeded: the status follows the refunded amount; returns the refunded total. */
  async settleRefunded(tx: Transaction, id: string): Promise<number> {
    const [rows] = (await tx.manager.query(
      `UPDATE payments SET status = CASE WHEN refunded_amount >= captured_amount THEN 'refunded' ELSE 'partially_refunded' END,
         updated_at = now() WHERE id = $1 RETURNING refunded_amount`,
      [id],
    )) as [{ refunded_amount: string }[], number];
    return minorUnits(rows[0].refunded_amount);
  }
}

function first(rows: unknown): Payment | undefined {
  const [row] = rows as PaymentRow[];
  return row && toPayment(row);
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    amount: minorUnits(row.amount),
    currency: row.currency,
    capturedAmount: minorUnits(row.captured_amount),
    refundedAmount: minorUnits(row.refunded_amount),
    provider: row.provider,
    providerRef: row.provider_ref,
    last4: row.last4,
    status: row.status,
    declineReason: row.decline_reason,
    shippingCountry: row.shipping_country,
    riskScore: row.risk_score,
    riskDecision: row.risk_decision,
    riskReasons: row.risk_reasons,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
