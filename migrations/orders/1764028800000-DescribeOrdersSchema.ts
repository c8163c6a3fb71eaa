import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeOrdersSchema1764028800000 implements MigrationInterface {
  name = 'DescribeOrdersSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "orders" IS 'Arcade orders module: orders, order lines, their timeline and the checkout saga state'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "orders" IS NULL`);
  }
}
