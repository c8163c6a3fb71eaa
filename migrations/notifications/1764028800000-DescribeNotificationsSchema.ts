import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeNotificationsSchema1764028800000 implements MigrationInterface {
  name = 'DescribeNotificationsSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "notifications" IS 'Arcade notifications module: email templates and the delivery log (dev mailbox)'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "notifications" IS NULL`);
  }
}
