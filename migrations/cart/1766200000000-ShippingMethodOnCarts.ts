import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cart keeps the shipping method its customer chose (issue 18): the method (id and name, as
 * shipping quoted it), the destination country it was quoted for, the price the customer accepted
 * (minor units) and whether the lines changed since (the price is then re-quoted when chosen again,
 * and checkout re-quotes it anyway). All null while no method is chosen.
 */
export class ShippingMethodOnCarts1766200000000 implements MigrationInterface {
  name = 'ShippingMethodOnCarts1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "cart".carts
        ADD COLUMN shipping_method_id      uuid,
        ADD COLUMN shipping_method_name    text,
        ADD COLUMN shipping_country        char(2),
        ADD COLUMN shipping_price_amount   bigint CHECK (shipping_price_amount >= 0),
        ADD COLUMN shipping_price_currency char(3),
        ADD COLUMN shipping_stale          boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT carts_shipping_all_or_none CHECK (
          (shipping_method_id IS NULL) = (shipping_method_name IS NULL)
          AND (shipping_method_id IS NULL) = (shipping_country IS NULL)
          AND (shipping_method_id IS NULL) = (shipping_price_amount IS NULL)
          AND (shipping_method_id IS NULL) = (shipping_price_currency IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "cart".carts
        DROP CONSTRAINT carts_shipping_all_or_none,
        DROP COLUMN shipping_method_id, DROP COLUMN shipping_method_name, DROP COLUMN shipping_country,
        DROP COLUMN shipping_price_amount, DROP COLUMN shipping_price_currency, DROP COLUMN shipping_stale`);
  }
}
