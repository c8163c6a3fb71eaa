import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeCatalogSchema1764028800000 implements MigrationInterface {
  name = 'DescribeCatalogSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "catalog" IS 'Arcade catalog module: products, variants, categories, images, stock levels and stock reservations'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "catalog" IS NULL`);
  }
}
