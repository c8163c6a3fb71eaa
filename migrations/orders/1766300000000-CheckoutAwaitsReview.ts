import { MigrationInterface, QueryRunner } from 'typeorm';

/** The checkout saga's `awaiting_review` state (issue 21): a payment held by the risk check waits for a person. */
export class CheckoutAwaitsReview1766300000000 implements MigrationInterface {
  name = 'CheckoutAwaitsReview1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checkout_sagas DROP CONSTRAINT checkout_sagas_state_check`);
    await queryRunner.query(`ALTER TABLE checkout_sagas ADD CONSTRAINT checkout_sagas_state_check
      CHECK (state IN ('reserving_stock', 'authorizing_payment', 'awaiting_review', 'confirming', 'completed', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checkout_sagas DROP CONSTRAINT checkout_sagas_state_check`);
    await queryRunner.query(`ALTER TABLE checkout_sagas ADD CONSTRAINT checkout_sagas_state_check
      CHECK (state IN ('reserving_stock', 'authorizing_payment', 'confirming', 'completed', 'cancelled'))`);
  }
}
