import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The AI module's explanation of a held payment, for its reviewer (issues 20 and 21, ADR 0120). One
 * row per review, opened `pending` with the review; a background worker (or an admin, on demand)
 * asks `ai.CompleteChatWithDataTools` and stores the text with the prompt version and the AI call
 * that wrote it, or why there is none (`disabled`: no model provider; `failed`: the last problem
 * after the allowed attempts; `skipped`: the review was decided first). The explanation never
 * decides anything, and nothing waits for it.
 */
export class CreateReviewExplanations1766500000000 implements MigrationInterface {
  name = 'CreateReviewExplanations1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fraud_review_explanations (
        payment_id uuid PRIMARY KEY REFERENCES fraud_reviews (payment_id),
        status text NOT NULL CHECK (status IN ('pending', 'ready', 'failed', 'disabled', 'skipped')),
        text text,
        prompt_name text,
        prompt_version integer,
        ai_call_id uuid,
        problem text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        requested_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'ready') = (text IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX fraud_review_explanations_due_idx ON fraud_review_explanations (next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fraud_review_explanations`);
  }
}
