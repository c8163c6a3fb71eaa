import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders follow shipping (issue 18, stage 2): the statuses `partially_shipped` and `delivered`, and the
 * cancellations of confirmed orders that asked shipping and have not been settled yet (ADR 0113).
 */
export class FulfilmentStatusesAndShipmentCancellations1766200000000 implements MigrationInterface {
  name = 'FulfilmentStatusesAndShipmentCancellations1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders.orders
        DROP CONSTRAINT orders_status_check,
        ADD CONSTRAINT orders_status_check
          CHECK (status IN ('pending', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'))`);
    await queryRunner.query(`
      CREATE TABLE orders.shipment_cancellations (
        order_id     uuid        PRIMARY KEY REFERENCES orders.orders (id) ON DELETE CASCADE,
        reason       text        NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE orders.shipment_cancellations`);
    await queryRunner.query(`
      ALTER TABLE orders.orders
        DROP CONSTRAINT orders_status_check,
        ADD CONSTRAINT orders_status_check CHECK (status IN ('pending', 'confirmed', 'shipped', 'cancelled'))`);
  }
}
