import { MigrationInterface, QueryRunner } from 'typeorm';

const AMOUNTS: Readonly<Record<string, readonly string[]>> = {
  payments: ['amount', 'captured_amount', 'refunded_amount'],
  refunds: ['amount'],
  sandbox_charges: ['amount', 'captured_amount', 'refunded_amount'],
};

/**
 * Money is 64-bit from catalog to refund: the payments' amounts were 32-bit (`integer`), so an
 * order above 2,147,483,647 minor units could be placed but never authorized.
 */
export class AmountsAsBigint1765100000000 implements MigrationInterface {
  name = 'AmountsAsBigint1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(AMOUNTS)) {
      await queryRunner.query(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE bigint`).join(', ')}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(AMOUNTS)) {
      await queryRunner.query(
        `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE integer`).join(', ')}`,
      );
    }
  }
}
