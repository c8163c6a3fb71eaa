import { MigrationInterface, QueryRunner } from 'typeorm';

/** A timeline entry about money (a refund, a capture) carries its amount. */
export class AmountsOnTheTimeline1765100000001 implements MigrationInterface {
  name = 'AmountsOnTheTimeline1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders.order_timeline
        ADD COLUMN amount bigint,
        ADD COLUMN currency char(3),
        ADD CONSTRAINT order_timeline_money_ck CHECK ((amount IS NULL) = (currency IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders.order_timeline DROP COLUMN amount, DROP COLUMN currency`);
  }
}
