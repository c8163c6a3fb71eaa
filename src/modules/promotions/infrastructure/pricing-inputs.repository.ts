import { Injectable } from '@nestjs/common';
import { queryRows } from '../../../platform/database';
import { UnitOfWork } from '../../../platform/messaging';
import { StoredPromotion } from '../application/stored-promotion';
import { MAX_AUTOMATIC_PROMOTIONS, PROMOTION_COLUMNS, PromotionRow, toStored } from './promotion.repository';

/** What one pricing of a cart reads: the promotions considered, the customer's uses of them, their earlier orders. */
export interface PricingInputs {
  /** The promotions the (canonical) codes name, by code; an unknown code is absent. */
  readonly byCode: Map<string, StoredPromotion>;
  /** The enabled automatic promotions (no code), oldest first, at most MAX_AUTOMATIC_PROMOTIONS. */
  readonly automatic: StoredPromotion[];
  /** Uses the customer made of each promotion above (absent: none; empty without a customer). */
  readonly byCustomer: Map<string, number>;
  /**
   * The customer's orders that are not cancelled, the order being redeemed left out: those orders'
   * events said so, plus the orders promotions redeemed for and has not released (an order being
   * checked out concurrently, whose `OrderPlaced` may not have arrived yet). Null when not asked for.
   */
  readonly previousOrders: number | null;
}

/**
 * Everything in one statement: one row per promotion considered (or one row of nulls when there is
 * none), each with the customer's uses of it and the count of the customer's earlier orders.
 * $1 codes, $2 the automatic limit, $3 the customer (or null), $4 whether to count earlier orders,
 * $5 the order left out of them.
 */
const PRICING_INPUTS = `
  WITH considered AS (
    (SELECT ${PROMOTION_COLUMNS}, false AS automatic FROM promotions WHERE code = ANY($1::text[]))
    UNION ALL
    (SELECT ${PROMOTION_COLUMNS}, true AS automatic FROM promotions WHERE code IS NULL AND NOT disabled
      ORDER BY id LIMIT $2)),
  counted AS (
    SELECT CASE WHEN $4::boolean THEN (
      SELECT count(*) FROM (
        SELECT order_id FROM customer_orders WHERE customer_id = $3::uuid AND NOT cancelled
        UNION
        SELECT order_id FROM order_redemptions WHERE customer_id = $3::uuid AND status = 'redeemed'
      ) orders WHERE $5::uuid IS NULL OR order_id <> $5::uuid) END AS previous_orders)
  SELECT p.*, counted.previous_orders
    FROM counted
    LEFT JOIN (SELECT c.*, cr.redeemed AS by_customer
                 FROM considered c
                 LEFT JOIN customer_redemptions cr ON cr.promotion_id = c.id AND cr.customer_id = $3::uuid) p ON true
   ORDER BY p.automatic, p.id`;

type PricingRow = { [K in keyof PromotionRow]: PromotionRow[K] | null } & {
  readonly automatic: boolean | null;
  readonly by_customer: number | null;
  readonly previous_orders: string | null;
};

/** The reads of one pricing (PromotionPricing), in one round trip instead of four. */
@Injectable()
export class PricingInputsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The promotions `codes` name and the automatic ones, the customer's uses of them and (when
   * `countPreviousOrders`) the customer's earlier orders other than `exceptOrderId`.
   */
  async load(
    codes: readonly string[],
    customerId: string | null,
    countPreviousOrders: boolean,
    exceptOrderId: string | null,
  ): Promise<PricingInputs> {
    const rows = await queryRows<PricingRow>(this.uow.reader, PRICING_INPUTS, [
      codes,
      MAX_AUTOMATIC_PROMOTIONS,
      customerId,
      countPreviousOrders && customerId !== null,
      exceptOrderId,
    ]);
    const inputs: PricingInputs = {
      byCode: new Map(),
      automatic: [],
      byCustomer: new Map(),
      previousOrders: rows[0]?.previous_orders == null ? null : Number(rows[0].previous_orders),
    };
    for (const row of rows) {
      if (row.id === null) continue;
      const stored = toStored(row as unknown as PromotionRow);
      if (row.automatic) inputs.automatic.push(stored);
      else inputs.byCode.set(row.code!, stored);
      if (row.by_customer !== null) inputs.byCustomer.set(row.id, row.by_customer);
    }
    return inputs;
  }
}
