import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tax's table (docs/modules/tax.md, ADR 0107): one row of rules per destination country, its rates
 * per product tax category in parts per million (checked by the domain, `countryTaxRulesErrors`) and
 * the category whose rate shipping pays (null: shipping is not taxed there).
 */
export class CreateTaxTables1767000000000 implements MigrationInterface {
  name = 'CreateTaxTables1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE country_rules (
        country char(2) PRIMARY KEY,
        rates jsonb NOT NULL,
        shipping_category text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE country_rules`);
  }
}
