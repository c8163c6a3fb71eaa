import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A product's tax category (issue 19, ADR 0107): a name such as `reduced` that the tax module rates
 * per country; null means `standard`. Catalog keeps the name because it describes the product; tax
 * keeps what each category costs where.
 */
export class ProductTaxCategory1767100000000 implements MigrationInterface {
  name = 'ProductTaxCategory1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE products ADD COLUMN tax_category text
         CONSTRAINT products_tax_category_check CHECK (tax_category ~ '^[a-z0-9-]{1,32}$')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE products DROP COLUMN tax_category`);
  }
}
