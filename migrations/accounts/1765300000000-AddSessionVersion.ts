import { MigrationInterface, QueryRunner } from 'typeorm';

/** A per-user session version: bumped when every session is revoked, carried by access tokens (`sv`). */
export class AddSessionVersion1765300000000 implements MigrationInterface {
  name = 'AddSessionVersion1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
