import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeCartSchema1764028800000 implements MigrationInterface {
  name = 'DescribeCartSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "cart" IS 'Arcade cart module: guest and customer carts and their lines with price snapshots'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "cart" IS NULL`);
  }
}
