import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';

/**
 * Promotions' read model of customers' orders (`customer_orders`), fed by orders' `OrderPlaced` and
 * `OrderCancelled` through the inbox: who has an earlier order, for `firstOrderOnly` (ADR 0115; read
 * by PricingInputsRepository).
 */
@Injectable()
export class CustomerOrderRepository {
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
}
