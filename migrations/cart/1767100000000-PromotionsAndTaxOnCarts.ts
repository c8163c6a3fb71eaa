import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 (ADR 0107): a cart keeps the promotion codes its customer applied, in the order applied
 * (normalised to upper case, at most 10), and each line keeps, beside its price snapshot, what
 * promotions and tax need of its product: the catalog category ids (a promotion's scope) and the
 * product's tax category (null: `standard`). Lines written before this have no categories and the
 * standard tax category until their snapshot is next refreshed from catalog.
 */
export class PromotionsAndTaxOnCarts1767100000000 implements MigrationInterface {
  name = 'PromotionsAndTaxOnCarts1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "cart".carts
        ADD COLUMN promotion_codes text[] NOT NULL DEFAULT '{}'
          CONSTRAINT carts_promotion_codes_max CHECK (cardinality(promotion_codes) <= 10)`);
    await queryRunner.query(`
      ALTER TABLE "cart".cart_lines
        ADD COLUMN tax_category text,
        ADD COLUMN category_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cart".cart_lines DROP COLUMN tax_category, DROP COLUMN category_ids`);
    await queryRunner.query(`ALTER TABLE "cart".carts DROP COLUMN promotion_codes`);
  }
}
