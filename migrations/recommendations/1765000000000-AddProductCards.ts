import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a product card shows (title, slug, main image, from-price), learned from catalog's
 * ProductPublished and ProductUpdated events, so that recommendations answer with cards and never
 * read catalog's tables. Products not announced since stay without a card (`title` null).
 */
export class AddProductCards1765000000000 implements MigrationInterface {
  name = 'AddProductCards1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE product
        ADD COLUMN slug text,
        ADD COLUMN title text,
        ADD COLUMN image text,
        ADD COLUMN price_amount bigint,
        ADD COLUMN price_currency text`);
    await queryRunner.query(
      `COMMENT ON COLUMN product.price_amount IS 'Lowest variant price in minor units (the "from" price of a card)'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE product
        DROP COLUMN slug, DROP COLUMN title, DROP COLUMN image, DROP COLUMN price_amount, DROP COLUMN price_currency`);
  }
}
