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

/** The channel on which a module's outbox announces rows that are due now (payload: the schema, i.e. the module). */
export const OUTBOX_CHANNEL = 'arcade_outbox';

/**
 * Makes the module's outbox `NOTIFY` {@link OUTBOX_CHANNEL} (payload: its schema) when a row
 * becomes due at once — inserted without a lease (by a process whose relay is not running, a tool,
 * plain SQL), handed back by a stopping relay, or replayed — so that idle relays in every process
 * on the database wake within milliseconds instead of polling for it (ADR 0122). Rows written
 * leased to the writing process's relay (the common case) and retries scheduled later do not
 * notify: the WHEN clause is false and no trigger function runs. PostgreSQL delivers the
 * notification at commit, once per transaction however many rows it wrote.
 */
export async function addOutboxNotify(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE FUNCTION "${schema}".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA);
      RETURN NULL;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE OF available_at, status ON "${schema}".outbox
      FOR EACH ROW WHEN (NEW.status = 'pending' AND NEW.available_at <= now())
      EXECUTE FUNCTION "${schema}".outbox_notify()`);
}

export async function dropOutboxNotify(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER outbox_notify ON "${schema}".outbox`);
  await queryRunner.query(`DROP FUNCTION "${schema}".outbox_notify()`);
}
