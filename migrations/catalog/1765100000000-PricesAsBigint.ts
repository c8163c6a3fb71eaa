import { MigrationInterface, QueryRunner } from 'typeorm';

/** Money is 64-bit from catalog to refund (prices were `integer`; every other module keeps `bigint`). */
export class PricesAsBigint1765100000000 implements MigrationInterface {
  name = 'PricesAsBigint1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variants ALTER COLUMN price_amount TYPE bigint`);
    await queryRunner.query(`ALTER TABLE products ALTER COLUMN price_min TYPE bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE products ALTER COLUMN price_min TYPE integer`);
    await queryRunner.query(`ALTER TABLE variants ALTER COLUMN price_amount TYPE integer`);
  }
}
