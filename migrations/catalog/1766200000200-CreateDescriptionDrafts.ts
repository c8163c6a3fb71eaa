import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AI-written product description drafts (issue 20): a draft is only a proposal; the product's
 * description changes when an admin accepts it, and the draft keeps who decided and when.
 */
export class CreateDescriptionDrafts1766200000200 implements MigrationInterface {
  name = 'CreateDescriptionDrafts1766200000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE description_drafts (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products (id),
        status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'discarded')),
        text text NOT NULL,
        prompt_name text NOT NULL,
        prompt_version integer NOT NULL,
        ai_call_id uuid NOT NULL,
        requested_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        decided_by uuid,
        decided_at timestamptz,
        CHECK ((status = 'proposed') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX description_drafts_product_idx ON description_drafts (product_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE description_drafts`);
  }
}
