import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products whose neighbour lists are out of date: events mark them, and the neighbour refresh
 * recomputes each marked list once per pass instead of once per event.
 */
export class AddStaleNeighbours1764900000000 implements MigrationInterface {
  name = 'AddStaleNeighbours1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stale_neighbours (
        product_id uuid PRIMARY KEY,
        since timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stale_neighbours`);
  }
}
