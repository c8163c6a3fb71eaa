import { EntityManager } from 'typeorm';
import { canTransition, PaymentStatus } from '../domain/payment-status';
import { PaymentOrmEntity } from './payment.orm-entity';
import { isUuid } from '../../../platform/ids';

const STATUSES: readonly PaymentStatus[] = [
  'pending',
  'authorized',
  'declined',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
];

export type PaymentChanges = Partial<
  Pick<PaymentOrmEntity, 'providerRef' | 'last4' | 'declineReason' | 'capturedAmount' | 'refundedAmount'>
>;

const COLUMNS: Record<keyof PaymentChanges, string> = {
  providerRef: 'provider_ref',
  last4: 'last4',
  declineReason: 'decline_reason',
  capturedAmount: 'captured_amount',
  refundedAmount: 'refunded_amount',
};

/** Reads and state transitions of payments, always inside the caller's transaction. */
export const paymentsRepository = {
  findByOrder(manager: EntityManager, orderId: string): Promise<PaymentOrmEntity | null> {
    return isUuid(orderId) ? manager.findOneBy(PaymentOrmEntity, { orderId }) : Promise.resolve(null);
  },

  findById(manager: EntityManager, id: string): Promise<PaymentOrmEntity | null> {
    return isUuid(id) ? manager.findOneBy(PaymentOrmEntity, { id }) : Promise.resolve(null);
  },

  /** The payment a provider event is about (by our id echoed in metadata, else by reference), locked. */
  async lockForProviderEvent(
    manager: EntityManager,
    provider: string,
    paymentId: string | null,
    reference: string | null,
  ): Promise<PaymentOrmEntity | null> {
    const where =
      paymentId && isUuid(paymentId)
        ? { provider, id: paymentId }
        : reference
          ? { provider, providerRef: reference }
          : undefined;
    if (!where) return null;
    return manager.findOne(PaymentOrmEntity, { where, lock: { mode: 'pessimistic_write' } });
  },

  /**
   * Moves a payment to `to` only from a state that may precede it (see canTransition), so that a
   * concurrent or late change never moves it backwards. Returns whether it moved (false: the move
   * was not allowed, someone else got there first).
   */
  async transition(
    manager: EntityManager,
    id: string,
    to: PaymentStatus,
    changes: PaymentChanges = {},
  ): Promise<boolean> {
    const from = STATUSES.filter((status) => canTransition(status, to));
    const sets = Object.entries(changes).map(([key, _], i) => `${COLUMNS[key as keyof PaymentChanges]} = $${i + 4}`);
    const [rows] = (await manager.query(
      `UPDATE payments SET status = $2, updated_at = now()${sets.map((set) => `, ${set}`).join('')}
       WHERE id = $1 AND status = ANY($3) RETURNING id`,
      [id, to, from, ...Object.values(changes)],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  },

  /** Payments (and declined ones) by a customer since `minutes` ago, for the velocity rules. */
  async recentActivity(
    manager: EntityManager,
    customerId: string,
    minutes: number,
  ): Promise<{ payments: number; failures: number }> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS payments, count(*) FILTER (WHERE status = 'declined')::int AS failures
       FROM payments WHERE customer_id = $1 AND created_at > now() - make_interval(mins => $2)`,
      [customerId, minutes],
    )) as { payments: number; failures: number }[];
    return row;
  },
};
