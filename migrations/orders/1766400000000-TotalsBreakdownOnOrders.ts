import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order keeps the totals breakdown it was placed with (issue 19, ADR 0107 and 0118): subtotal,
 * discount, tax (and whether it is included in the prices), shipping's discount and tax, each line's
 * discount, tax, rate and amounts per promotion, the codes applied and the promotions counted. The
 * order copies them from the priced cart at checkout and never recomputes them. The checkout saga
 * gains the step that redeems them (`redeeming_promotion`) and knows whether the order carries any.
 * Orders placed before had neither discount nor tax: their subtotal is total − shipping.
 * `shipping_amount <= total_amount` no longer holds (free shipping on a fully discounted basket);
 * the breakdown's own rule replaces it.
 */
export class TotalsBreakdownOnOrders1766400000000 implements MigrationInterface {
  name = 'TotalsBreakdownOnOrders1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders.orders
        DROP CONSTRAINT orders_shipping_within_total,
        ADD COLUMN subtotal_amount  bigint  CHECK (subtotal_amount >= 0),
        ADD COLUMN discount_amount  bigint  NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
        ADD COLUMN tax_amount       bigint  NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
        ADD COLUMN tax_included     boolean NOT NULL DEFAULT false,
        ADD COLUMN tax_country      char(2),
        ADD COLUMN shipping_pricing jsonb,
        ADD COLUMN promotion_codes  text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN promotions       jsonb   NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`UPDATE orders.orders SET subtotal_amount = total_amount - shipping_amount`);
    await queryRunner.query(`
      ALTER TABLE orders.orders
        ALTER COLUMN subtotal_amount SET NOT NULL,
        ADD CONSTRAINT orders_breakdown_sums CHECK (
          total_amount = subtotal_amount - discount_amount + shipping_amount
                       + CASE WHEN tax_included THEN 0 ELSE tax_amount END)`);
    await queryRunner.query(`
      ALTER TABLE orders.order_lines
        ADD COLUMN discount       bigint  NOT NULL DEFAULT 0 CHECK (discount >= 0),
        ADD COLUMN tax            bigint  NOT NULL DEFAULT 0 CHECK (tax >= 0),
        ADD COLUMN tax_rate_ppm   integer NOT NULL DEFAULT 0 CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
        ADD COLUMN by_promotion   jsonb   NOT NULL DEFAULT '[]',
        ADD COLUMN category_ids   jsonb   NOT NULL DEFAULT '[]',
        ADD COLUMN refunded_units integer NOT NULL DEFAULT 0 CHECK (refunded_units >= 0),
        ADD CONSTRAINT order_lines_discount_within_amount CHECK (discount <= unit_price * quantity),
        ADD CONSTRAINT order_lines_refunded_within_quantity CHECK (refunded_units <= quantity)`);
    await queryRunner.query(`
      ALTER TABLE orders.checkout_sagas
        ADD COLUMN promotions boolean NOT NULL DEFAULT false,
        DROP CONSTRAINT checkout_sagas_state_check,
        ADD CONSTRAINT checkout_sagas_state_check CHECK (state IN ('redeeming_promotion', 'reserving_stock',
          'authorizing_payment', 'awaiting_review', 'confirming', 'completed', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM orders.checkout_sagas WHERE state = 'redeeming_promotion'`);
    await queryRunner.query(`
      ALTER TABLE orders.checkout_sagas
        DROP CONSTRAINT checkout_sagas_state_check,
        DROP COLUMN promotions,
        ADD CONSTRAINT checkout_sagas_state_check CHECK (state IN ('reserving_stock', 'authorizing_payment',
          'awaiting_review', 'confirming', 'completed', 'cancelled'))`);
    await queryRunner.query(`
      ALTER TABLE orders.order_lines
        DROP CONSTRAINT order_lines_refunded_within_quantity, DROP CONSTRAINT order_lines_discount_within_amount,
        DROP COLUMN refunded_units, DROP COLUMN category_ids, DROP COLUMN by_promotion,
        DROP COLUMN tax_rate_ppm, DROP COLUMN tax, DROP COLUMN discount`);
    await queryRunner.query(`
      ALTER TABLE orders.orders
        DROP CONSTRAINT orders_breakdown_sums,
        DROP COLUMN promotions, DROP COLUMN promotion_codes, DROP COLUMN shipping_pricing,
        DROP COLUMN tax_country, DROP COLUMN tax_included, DROP COLUMN tax_amount,
        DROP COLUMN discount_amount, DROP COLUMN subtotal_amount,
        ADD CONSTRAINT orders_shipping_within_total CHECK (shipping_amount <= total_amount) NOT VALID`);
  }
}
