import { MigrationInterface, QueryRunner } from 'typeorm';

export class DescribeRecommendationsSchema1764028800000 implements MigrationInterface {
  name = 'DescribeRecommendationsSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `COMMENT ON SCHEMA "recommendations" IS 'Arcade recommendations module: the recommendation read model: co-purchases, similarities, popularity, user history'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`COMMENT ON SCHEMA "recommendations" IS NULL`);
  }
}
