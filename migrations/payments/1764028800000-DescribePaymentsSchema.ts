import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribePaymentsSchema1764028800000 implements MigrationInterface {
  name = 'DescribePaymentsSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "payments" IS 'Arcade payments module: payments, provider references, refunds, webhook receipts and risk assessments'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "payments" IS NULL`);
  }
}
