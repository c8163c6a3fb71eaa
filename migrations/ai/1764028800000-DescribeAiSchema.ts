import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeAiSchema1764028800000 implements MigrationInterface {
  name = 'DescribeAiSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "ai" IS 'Arcade ai module: prompt vault, model gateway call log, prices, spend, budgets, data-tool grants'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "ai" IS NULL`);
  }
}
