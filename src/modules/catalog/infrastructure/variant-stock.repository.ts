import { Injectable } from '@nestjs/common';
import { queryRows } from '../../../platform/database';
import { UnitOfWork } from '../../../platform/messaging';

/** A variant's stock as kept: units on hand and held. */
export interface VariantStockRecord {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
}

/** One order's hold on a variant. */
export interface VariantReservationRecord {
  readonly orderId: string;
  readonly quantity: number;
  readonly status: string;
  readonly reservedAt: Date;
  readonly expiresAt: Date | null;
}

/** Reads a variant's stock and the reservations that hold its units, for admins. */
@Injectable()
export class VariantStockRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async find(variantId: string): Promise<VariantStockRecord | undefined> {
    const [row] = await queryRows<{ id: string; product_id: string; sku: string; on_hand: number; reserved: number }>(
      this.uow.reader,
      'SELECT id, product_id, sku, on_hand, reserved FROM variants WHERE id = $1',
      [variantId],
    );
    return (
      row && { variantId: row.id, productId: row.product_id, sku: row.sku, onHand: row.on_hand, reserved: row.reserved }
    );
  }

  /** The reservations still holding units of the variant (status `reserved`), oldest first, at most `limit`. */
  async holding(variantId: string, limit: number): Promise<VariantReservationRecord[]> {
    const rows = await queryRows<{
      order_id: string;
      quantity: number;
      status: string;
      created_at: Date;
      expires_at: Date | null;
    }>(
      this.uow.reader,
      `SELECT r.order_id, l.quantity, r.status, r.created_at, r.expires_at
         FROM reservation_lines l JOIN reservations r ON r.order_id = l.order_id
        WHERE l.variant_id = $1 AND r.status = 'reserved'
        ORDER BY r.created_at, r.order_id
        LIMIT $2`,
      [variantId, limit],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      quantity: r.quantity,
      status: r.status,
      reservedAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }
}
