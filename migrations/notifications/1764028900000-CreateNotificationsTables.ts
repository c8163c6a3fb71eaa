import { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery log; with no SMTP server configured it is also the dev mailbox (bodies kept). */
export class CreateNotificationsTables1764028900000 implements MigrationInterface {
  name = 'CreateNotificationsTables1764028900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        template text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text,
        html_body text,
        transport text NOT NULL CHECK (transport IN ('smtp', 'mailbox')),
        provider_message_id text,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX messages_newest_idx ON messages (id DESC)`);
    await queryRunner.query(`CREATE INDEX messages_to_idx ON messages (lower(to_address), id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE messages`);
  }
}
