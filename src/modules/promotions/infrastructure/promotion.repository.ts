import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { StoredPromotion } from '../application/stored-promotion';
import { Promotion, PromotionBenefit, PromotionScope } from '../domain/promotion';
import { affected, queryRows } from '../../../platform/database';

/** A promotion as a statement returns it (see toStored). */
export interface PromotionRow {
  readonly id: string;
  readonly code: string | null;
  readonly benefit: PromotionBenefit;
  readonly minimum_subtotal: Record<string, number> | null;
  readonly scope: PromotionScope | null;
  readonly first_order_only: boolean;
  readonly starts_at: Date | null;
  readonly ends_at: Date | null;
  readonly max_redemptions: number | null;
  readonly max_per_customer: number | null;
  readonly redeemed: number;
  readonly disabled: boolean;
  readonly combinable: boolean;
}

/** A promotion's columns, as PromotionRow names them. */
export const PROMOTION_COLUMNS = `id, code, benefit, minimum_subtotal, scope, first_order_only, starts_at, ends_at,
  max_redemptions, max_per_customer, redeemed, disabled, combinable`;
const SELECT = `SELECT ${PROMOTION_COLUMNS} FROM promotions`;

/** Most automatic promotions one pricing considers (the oldest first). */
export const MAX_AUTOMATIC_PROMOTIONS = 100;

/** Promotions (`promotions.promotions`) and their redemption counter. */
@Injectable()
export class PromotionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One promotion, or undefined. */
  async find(id: string): Promise<StoredPromotion | undefined> {
    const [row] = await queryRows<PromotionRow>(this.uow.reader, `${SELECT} WHERE id = $1`, [id]);
    return row && toStored(row);
  }

  /** A page in id order (creation order) after `afterId`; `code` filters by code. */
  async page(limit: number, afterId: string | null, code: string | null): Promise<StoredPromotion[]> {
    const rows = await queryRows<PromotionRow>(
      this.uow.reader,
      `${SELECT} WHERE ($1::uuid IS NULL OR id > $1) AND ($2::text IS NULL OR code = $2) ORDER BY id LIMIT $3`,
      [afterId, code, limit],
    );
    return rows.map(toStored);
  }

  /** The promotion locked for a change in the caller's transaction, or undefined. */
  async lock(tx: Transaction, id: string): Promise<StoredPromotion | undefined> {
    const [row] = await queryRows<PromotionRow>(tx.manager, `${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    return row && toStored(row);
  }

  /** Inserts or replaces a definition (never the counter). A code another promotion has fails on promotions_code_idx. */
  async save(tx: Transaction, p: Promotion): Promise<void> {
    await tx.manager.query(
      `INSERT INTO promotions (id, code, benefit, minimum_subtotal, scope, first_order_only, starts_at, ends_at,
         max_redemptions, max_per_customer, disabled, combinable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, benefit = EXCLUDED.benefit,
         minimum_subtotal = EXCLUDED.minimum_subtotal, scope = EXCLUDED.scope,
         first_order_only = EXCLUDED.first_order_only, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
         max_redemptions = EXCLUDED.max_redemptions, max_per_customer = EXCLUDED.max_per_customer,
         disabled = EXCLUDED.disabled, combinable = EXCLUDED.combinable, updated_at = now()`,
      [
        p.id,
        p.code,
        JSON.stringify(p.benefit),
        p.conditions.minimumSubtotal && JSON.stringify(p.conditions.minimumSubtotal),
        p.conditions.scope && JSON.stringify(p.conditions.scope),
        p.conditions.firstOrderOnly,
        p.startsAt,
        p.endsAt,
        p.limits.totalRedemptions,
        p.limits.perCustomer,
        p.disabled,
        p.combinable,
      ],
    );
  }

  /** Deletes a promotion no order ever redeemed; false when it is gone or has redemptions. */
  async deleteUnredeemed(tx: Transaction, id: string): Promise<boolean> {
    const count = await affected(
      tx.manager,
      `DELETE FROM promotions WHERE id = $1 AND redeemed = 0
         AND NOT EXISTS (SELECT 1 FROM order_redemptions WHERE promotion_ids @> ARRAY[$1::uuid])`,
      [id],
    );
    return count > 0;
  }

  /**
   * Counts one use, atomically: one conditional UPDATE, so concurrent redemptions queue on the row and
   * each sees the others' count. False (nothing counted) when the total limit is reached.
   */
  async countUse(tx: Transaction, id: string): Promise<boolean> {
    const count = await affected(
      tx.manager,
      `UPDATE promotions SET redeemed = redeemed + 1
        WHERE id = $1 AND (max_redemptions IS NULL OR redeemed < max_redemptions)`,
      [id],
    );
    return count === 1;
  }

  /** Gives one use back (a released redemption). */
  async giveUseBack(tx: Transaction, id: string): Promise<void> {
    await tx.manager.query(`UPDATE promotions SET redeemed = redeemed - 1 WHERE id = $1 AND redeemed > 0`, [id]);
  }
}

/** Maps a promotion's row to a StoredPromotion. */
export function toStored(row: PromotionRow): StoredPromotion {
  return {
    promotion: {
      id: row.id,
      code: row.code,
      benefit: row.benefit,
      conditions: {
        minimumSubtotal: row.minimum_subtotal,
        scope: row.scope,
        firstOrderOnly: row.first_order_only,
      },
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      limits: { totalRedemptions: row.max_redemptions, perCustomer: row.max_per_customer },
      disabled: row.disabled,
      combinable: row.combinable,
    },
    redeemed: row.redeemed,
  };
}
