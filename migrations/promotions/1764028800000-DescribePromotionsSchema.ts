import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribePromotionsSchema1764028800000 implements MigrationInterface {
  name = 'DescribePromotionsSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "promotions" IS 'Arcade promotions module: promotions and codes, conditions, limits, redemptions'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "promotions" IS NULL`);
  }
}
