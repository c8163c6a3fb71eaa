import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeAccountsSchema1764028800000 implements MigrationInterface {
  name = 'DescribeAccountsSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "accounts" IS 'Arcade accounts module: users, credentials, refresh and password-reset tokens, profiles, addresses and roles'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "accounts" IS NULL`);
  }
}
