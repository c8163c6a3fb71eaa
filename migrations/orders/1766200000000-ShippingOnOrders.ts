import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order keeps the shipping method its customer chose (issue 18) and the price shipping quoted
 * and re-quoted at checkout, in minor units of the order's currency; `total_amount` includes it
 * (total = subtotal + shipping). Orders placed before have no method and a shipping price of 0.
 */
export class ShippingOnOrders1766200000000 implements MigrationInterface {
  name = 'ShippingOnOrders1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders.orders
        ADD COLUMN shipping_amount      bigint NOT NULL DEFAULT 0 CHECK (shipping_amount >= 0),
        ADD COLUMN shipping_method_id   uuid,
        ADD COLUMN shipping_method_name text,
        ADD CONSTRAINT orders_shipping_method_whole CHECK ((shipping_method_id IS NULL) = (shipping_method_name IS NULL)),
        ADD CONSTRAINT orders_shipping_within_total CHECK (shipping_amount <= total_amount)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders.orders
        DROP CONSTRAINT orders_shipping_within_total, DROP CONSTRAINT orders_shipping_method_whole,
        DROP COLUMN shipping_method_name, DROP COLUMN shipping_method_id, DROP COLUMN shipping_amount`);
  }
}
