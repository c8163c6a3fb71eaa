import { MigrationInterface, QueryRunner } from 'typeorm';

/** Variants get a weight in whole grams (issue 18: shipping prices weight bands by it); null = not given. */
export class AddVariantWeight1766100000000 implements MigrationInterface {
  name = 'AddVariantWeight1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE variants ADD COLUMN weight_grams integer CONSTRAINT variants_weight_grams_check CHECK (weight_grams >= 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variants DROP COLUMN weight_grams`);
  }
}
