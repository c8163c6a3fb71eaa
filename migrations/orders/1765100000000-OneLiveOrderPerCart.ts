import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One cart, one order: at most one order per cart that is not cancelled. Placing an order claims
 * its cart through this index, atomically whatever the Idempotency-Key (two tabs, a double click);
 * a cancelled or declined order releases the cart for a new try. If the migration fails, carts
 * already charged twice exist: resolve them (cancel the extra orders) before upgrading.
 */
export class OneLiveOrderPerCart1765100000000 implements MigrationInterface {
  name = 'OneLiveOrderPerCart1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX orders_live_cart_uq ON orders.orders (cart_id) WHERE status <> 'cancelled'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX orders.orders_live_cart_uq`);
  }
}
