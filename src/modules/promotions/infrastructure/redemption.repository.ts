import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { PromotionEvaluation, PromotionRefusalView } from '../contracts';
import { queryRows, updatedRows } from '../../../platform/database';

/** What became of an order's redemption. */
export interface OrderRedemption {
  readonly status: 'redeemed' | 'rejected' | 'released';
  readonly customerId: string;
  readonly promotionIds: readonly string[];
  readonly evaluation: PromotionEvaluation | null;
  readonly refusal: PromotionRefusalView | null;
}

interface OrderRedemptionRow {
  readonly status: OrderRedemption['status'];
  readonly customer_id: string;
  readonly promotion_ids: string[];
  readonly discount: PromotionEvaluation | null;
  readonly refusal: PromotionRefusalView | null;
}

/** One redemption record per order (`order_redemptions`) and the per-customer counters (`customer_redemptions`). */
@Injectable()
export class RedemptionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Claims the order's redemption for this transaction: true for the first claim. A concurrent claim
   * of the same order waits on the primary key until this one commits, then gets false.
   */
  async claim(tx: Transaction, orderId: string, customerId: string): Promise<boolean> {
    const rows = await queryRows<{ order_id: string }>(
      tx.manager,
      `INSERT INTO order_redemptions (order_id, customer_id, status, promotion_ids) VALUES ($1, $2, 'rejected', '{}')
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, customerId],
    );
    return rows.length === 1;
  }

  /** The order's redemption as recorded, or undefined. */
  async find(tx: Transaction, orderId: string): Promise<OrderRedemption | undefined> {
    const [row] = await queryRows<OrderRedemptionRow>(
      tx.manager,
      `SELECT status, customer_id, promotion_ids, discount, refusal FROM order_redemptions WHERE order_id = $1`,
      [orderId],
    );
    return (
      row && {
        status: row.status,
        customerId: row.customer_id,
        promotionIds: row.promotion_ids,
        evaluation: row.discount,
        refusal: row.refusal,
      }
    );
  }

  async markRedeemed(tx: Transaction, orderId: string, ids: readonly string[], evaluation: PromotionEvaluation) {
    await tx.manager.query(
      `UPDATE order_redemptions SET status = 'redeemed', promotion_ids = $2, discount = $3 WHERE order_id = $1`,
      [orderId, ids, JSON.stringify(evaluation)],
    );
  }

  async markRejected(tx: Transaction, orderId: string, refusal: PromotionRefusalView): Promise<void> {
    await tx.manager.query(
      `UPDATE order_redemptions SET status = 'rejected', promotion_ids = '{}', refusal = $2 WHERE order_id = $1`,
      [orderId, JSON.stringify(refusal)],
    );
  }

  /**
   * Counts one use by a customer, atomically: one conditional upsert (concurrent orders of one
   * customer queue on the row). False (nothing counted) when `max` (null: unlimited) is reached.
   */
  async countCustomerUse(tx: Transaction, promotionId: string, customerId: string, max: number | null) {
    const rows = await queryRows<{ redeemed: number }>(
      tx.manager,
      `INSERT INTO customer_redemptions AS c (promotion_id, customer_id, redeemed) VALUES ($1, $2, 1)
       ON CONFLICT (promotion_id, customer_id) DO UPDATE SET redeemed = c.redeemed + 1
         WHERE $3::int IS NULL OR c.redeemed < $3::int
       RETURNING redeemed`,
      [promotionId, customerId, max],
    );
    // A first use with a limit of 0 cannot happen: limits are positive (promotionDefinitionErrors).
    return rows.length === 1;
  }

  /** Gives one use by a customer back. */
  async giveCustomerUseBack(tx: Transaction, promotionId: string, customerId: string): Promise<void> {
    await tx.manager.query(
      `UPDATE customer_redemptions SET redeemed = redeemed - 1
        WHERE promotion_id = $1 AND customer_id = $2 AND redeemed > 0`,
      [promotionId, customerId],
    );
  }

  /**
   * Marks the order's redemption released, once: the promotions whose uses are to be given back, or
   * undefined when there is nothing to give back (none, rejected, or released before).
   */
  async release(
    tx: Transaction,
    orderId: string,
    reason: string,
  ): Promise<{ customerId: string; promotionIds: string[] } | undefined> {
    const [row] = await updatedRows<{ customer_id: string; promotion_ids: string[] }>(
      tx.manager,
      `UPDATE order_redemptions SET status = 'released', release_reason = $2, released_at = now()
        WHERE order_id = $1 AND status = 'redeemed' RETURNING customer_id, promotion_ids`,
      [orderId, reason],
    );
    return row && { customerId: row.customer_id, promotionIds: row.promotion_ids };
  }

  /** A release that came before any redemption: a tombstone, so a late redemption counts nothing. */
  async tombstone(tx: Transaction, orderId: string, reason: string): Promise<boolean> {
    const rows = await queryRows<{ order_id: string }>(
      tx.manager,
      `INSERT INTO order_redemptions (order_id, customer_id, status, promotion_ids, release_reason, released_at)
       VALUES ($1, '00000000-0000-0000-0000-000000000000', 'released', '{}', $2, now())
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, reason],
    );
    return rows.length === 1;
  }
}
