import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeShippingSchema1764028800000 implements MigrationInterface {
  name = 'DescribeShippingSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "shipping" IS 'Arcade shipping module: zones, methods and rate rules, shipments, carrier tracking'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "shipping" IS NULL`);
  }
}
