import { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox of one module, created by that module's own migration so that they live
 * in its schema and move with it.
 */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".outbox (
      seq            bigserial   NOT NULL,
      id             uuid        PRIMARY KEY,
      kind           text        NOT NULL CHECK (kind IN ('event', 'command', 'query')),
      type           text        NOT NULL,
      correlation_id text        NOT NULL,
      causation_id   text,
      body           jsonb       NOT NULL,
      status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts       integer     NOT NULL DEFAULT 0,
      last_error     text,
      created_at     timestamptz NOT NULL DEFAULT now(),
      available_at   timestamptz NOT NULL DEFAULT now(),
      delivered_at   timestamptz
    )`);
  await queryRunner.query(
    `CREATE INDEX outbox_due_idx ON "${schema}".outbox (available_at, seq) WHERE status = 'pending'`,
  );
  await queryRunner.query(`CREATE INDEX outbox_dead_idx ON "${schema}".outbox (seq) WHERE status = 'dead'`);
  await queryRunner.query(
    `CREATE INDEX outbox_delivered_idx ON "${schema}".outbox (delivered_at) WHERE status = 'delivered'`,
  );
  await queryRunner.query(`
    CREATE TABLE "${schema}".inbox (
      event_id     uuid        NOT NULL,
      handler      text        NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, handler)
    )`);
  await queryRunner.query(`CREATE INDEX inbox_processed_idx ON "${schema}".inbox (processed_at)`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".inbox`);
  await queryRunner.query(`DROP TABLE "${schema}".outbox`);
}

/**
 * The W3C trace context of the span that wrote each outbox row (ADR 0119): NULL when the writer
 * did not trace. Added to every module's outbox by that module's own migration.
 */
export async function addOutboxTraceContext(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schema}".outbox ADD COLUMN trace_context jsonb`);
}

export async function dropOutboxTraceContext(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schema}".outbox DROP COLUMN trace_context`);
}
