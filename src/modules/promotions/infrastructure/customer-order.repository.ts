import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { queryRows } from '../../../platform/database';

/**
 * Promotions' read model of customers' orders (`customer_orders`), fed by orders' `OrderPlaced` and
 * `OrderCancelled` through the inbox: who has an earlier order, for `firstOrderOnly` (ADR 0115).
 */
@Injectable()
export class CustomerOrderRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records a placed order; a cancellation that arrived first keeps it cancelled. */
  async placed(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO customer_orders (order_id, customer_id, cancelled) VALUES ($1, $2, false)
       ON CONFLICT (order_id) DO NOTHING`,
      [orderId, customerId],
    );
  }

  /** Records a cancelled order (it no longer counts), whether or not its placement arrived. */
  async cancelled(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO customer_orders (order_id, customer_id, cancelled) VALUES ($1, $2, true)
       ON CONFLICT (order_id) DO UPDATE SET cancelled = true`,
      [orderId, customerId],
    );
  }

  /**
   * The customer's orders that are not cancelled, `exceptOrderId` left out: those orders' events said
   * so, plus the orders promotions redeemed for and has not released (an order being checked out
   * concurrently, whose `OrderPlaced` may not have arrived yet).
   */
  async previousOrders(customerId: string, exceptOrderId: string | null): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      this.uow.reader,
      `SELECT count(*) AS count FROM (
         SELECT order_id FROM customer_orders WHERE customer_id = $1 AND NOT cancelled
         UNION
         SELECT order_id FROM order_redemptions WHERE customer_id = $1 AND status = 'redeemed'
       ) orders WHERE $2::uuid IS NULL OR order_id <> $2::uuid`,
      [customerId, exceptOrderId],
    );
    return Number(row.count);
  }
}
