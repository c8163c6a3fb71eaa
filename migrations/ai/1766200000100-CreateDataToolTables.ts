import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoped data tools (ADR 0113): the versioned grants of each AI feature (immutable versions; the
 * current grants are the highest version, with who changed them, when and why) and the append-only
 * audit of every tool call a model made, allowed or refused.
 */
export class CreateDataToolTables1766200000100 implements MigrationInterface {
  name = 'CreateDataToolTables1766200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE feature_grant_versions (
        feature text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        scopes text[] NOT NULL,
        max_tool_calls_per_turn integer NOT NULL CHECK (max_tool_calls_per_turn BETWEEN 1 AND 20),
        max_rows_per_call integer NOT NULL CHECK (max_rows_per_call BETWEEN 1 AND 100),
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL,
        PRIMARY KEY (feature, version)
      )`);
    await q(`
      CREATE TABLE tool_calls (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()), -- ms: the keyset cursor carries ms
        call_id uuid,
        feature text NOT NULL,
        prompt_name text,
        prompt_version integer,
        actor_user_id uuid,
        tool text NOT NULL,
        tool_call_id text,
        scope text,
        reach text CHECK (reach IN ('own', 'any')),
        arguments_sha256 char(64) NOT NULL,
        rows_returned integer NOT NULL CHECK (rows_returned >= 0),
        verdict text NOT NULL CHECK (verdict IN ('allowed', 'refused_scope', 'refused_write', 'refused_limit',
          'refused_unknown', 'refused_arguments', 'error')),
        detail text,
        latency_ms integer NOT NULL CHECK (latency_ms >= 0),
        grants_version integer NOT NULL,
        correlation_id text NOT NULL
      )`);
    await q(`CREATE INDEX tool_calls_at_idx ON tool_calls (at DESC, id DESC)`);
    await q(`CREATE INDEX tool_calls_feature_idx ON tool_calls (feature, at DESC, id DESC)`);
    await q(`CREATE INDEX tool_calls_refused_idx ON tool_calls (verdict, at DESC) WHERE verdict <> 'allowed'`);
    await q(`CREATE INDEX tool_calls_correlation_idx ON tool_calls (correlation_id)`);
    for (const table of ['feature_grant_versions', 'tool_calls']) {
      await q(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM CURRENT_USER`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tool_calls`);
    await queryRunner.query(`DROP TABLE feature_grant_versions`);
  }
}
