import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeTaxSchema1764028800000 implements MigrationInterface {
  name = 'DescribeTaxSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "tax" IS 'Arcade tax module: tax rates per country and product tax category, tax on shipping'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "tax" IS NULL`);
  }
}
