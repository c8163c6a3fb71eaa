import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ai module's core tables (docs/modules/ai.md, ADR 0105, ADR 0111): the prompt vault (prompts,
 * immutable versions, label pointers and the append-only log of their moves), per-feature gateway
 * settings, the model price table, the append-only call log, daily spend roll-ups, budgets with their
 * usage per window and the reservations made before each call. Money is bigint nano-units (10^-9 of
 * the currency), prices bigint micro-units per 1M tokens. The data-tool tables come in their own
 * migration.
 */
export class CreateAiTables1766200000000 implements MigrationInterface {
  name = 'CreateAiTables1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE prompts (
        name text PRIMARY KEY,
        description text NOT NULL DEFAULT '',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`
      CREATE TABLE prompt_versions (
        prompt_name text NOT NULL REFERENCES prompts (name),
        version integer NOT NULL CHECK (version > 0),
        template jsonb NOT NULL,
        variables text[] NOT NULL,
        provider text NOT NULL,
        model text NOT NULL,
        max_output_tokens integer NOT NULL CHECK (max_output_tokens > 0),
        temperature numeric(3, 2),
        top_p numeric(4, 3),
        commit_message text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prompt_name, version)
      )`);
    await q(`
      CREATE TABLE prompt_labels (
        prompt_name text NOT NULL REFERENCES prompts (name),
        label text NOT NULL CHECK (label <> 'latest'),
        version integer NOT NULL,
        split_version integer,
        split_weight_bps integer CHECK (split_weight_bps BETWEEN 1 AND 9999),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prompt_name, label),
        FOREIGN KEY (prompt_name, version) REFERENCES prompt_versions (prompt_name, version),
        FOREIGN KEY (prompt_name, split_version) REFERENCES prompt_versions (prompt_name, version),
        CHECK ((split_version IS NULL) = (split_weight_bps IS NULL))
      )`);
    await q(`
      CREATE TABLE prompt_label_moves (
        id uuid PRIMARY KEY,
        prompt_name text NOT NULL,
        label text NOT NULL,
        from_version integer,
        from_split_version integer,
        from_split_weight_bps integer,
        to_version integer,
        to_split_version integer,
        to_split_weight_bps integer,
        moved_by uuid NOT NULL,
        moved_at timestamptz NOT NULL DEFAULT now(),
        reason text
      )`);
    await q(`CREATE INDEX prompt_label_moves_prompt_idx ON prompt_label_moves (prompt_name, moved_at, id)`);
    await q(`
      CREATE TABLE feature_settings (
        feature text PRIMARY KEY,
        capture_bodies boolean NOT NULL DEFAULT true,
        fallback_provider text,
        fallback_model text,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((fallback_provider IS NULL) = (fallback_model IS NULL))
      )`);
    await q(`
      CREATE TABLE model_prices (
        id uuid PRIMARY KEY,
        model_name text NOT NULL,
        match_pattern text NOT NULL,
        effective_from timestamptz NOT NULL,
        currency char(3) NOT NULL,
        input_micros bigint NOT NULL CHECK (input_micros >= 0),
        output_micros bigint NOT NULL CHECK (output_micros >= 0),
        cached_input_micros bigint CHECK (cached_input_micros >= 0),
        cache_write_micros bigint CHECK (cache_write_micros >= 0),
        reasoning_micros bigint CHECK (reasoning_micros >= 0),
        source text NOT NULL CHECK (source IN ('default', 'admin')),
        note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        feature text NOT NULL,
        calling_module text,
        operation text NOT NULL DEFAULT 'chat',
        prompt_name text,
        prompt_version integer,
        prompt_label text,
        ab_arm text CHECK (ab_arm IN ('main', 'split')),
        provider text,
        request_model text,
        response_model text,
        response_id text,
        finish_reason text,
        outcome text NOT NULL CHECK (outcome IN ('ok', 'error', 'refused_budget', 'refused_scope', 'disabled')),
        error_type text,
        http_status integer,
        attempts integer NOT NULL DEFAULT 0,
        fallback_used boolean NOT NULL DEFAULT false,
        streamed boolean NOT NULL DEFAULT false,
        latency_ms integer NOT NULL,
        ttft_ms integer,
        usage_reported boolean NOT NULL DEFAULT false,
        input_tokens integer,
        cached_input_tokens integer,
        cache_write_tokens integer,
        output_tokens integer,
        reasoning_tokens integer,
        priced boolean NOT NULL DEFAULT false,
        price_id uuid,
        currency char(3),
        cost_input_nanos bigint,
        cost_cached_input_nanos bigint,
        cost_cache_write_nanos bigint,
        cost_output_nanos bigint,
        cost_reasoning_nanos bigint,
        cost_nanos bigint,
        estimate_nanos bigint,
        charged_nanos bigint,
        request_body jsonb,
        response_body jsonb,
        pii_counts jsonb NOT NULL DEFAULT '{}',
        ignored_variables text[] NOT NULL DEFAULT '{}',
        warnings text[] NOT NULL DEFAULT '{}',
        correlation_id text,
        user_id uuid,
        trace_id text,
        span_id text,
        attributes jsonb NOT NULL DEFAULT '{}'
      )`);
    await q(`CREATE INDEX calls_time_idx ON calls (started_at DESC, id DESC)`);
    await q(`CREATE INDEX calls_feature_idx ON calls (feature, started_at DESC, id DESC)`);
    await q(`CREATE INDEX calls_prompt_idx ON calls (prompt_name, prompt_version, started_at DESC)`);
    await q(`CREATE INDEX calls_correlation_idx ON calls (correlation_id)`);
    await q(`
      CREATE TABLE spend_daily (
        day date NOT NULL,
        feature text NOT NULL,
        provider text NOT NULL,
        model text NOT NULL,
        currency text NOT NULL,
        calls integer NOT NULL DEFAULT 0,
        ok_calls integer NOT NULL DEFAULT 0,
        failed_calls integer NOT NULL DEFAULT 0,
        refused_calls integer NOT NULL DEFAULT 0,
        unpriced_calls integer NOT NULL DEFAULT 0,
        input_tokens bigint NOT NULL DEFAULT 0,
        cached_input_tokens bigint NOT NULL DEFAULT 0,
        cache_write_tokens bigint NOT NULL DEFAULT 0,
        output_tokens bigint NOT NULL DEFAULT 0,
        reasoning_tokens bigint NOT NULL DEFAULT 0,
        cost_nanos bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, feature, provider, model, currency)
      )`);
    await q(`
      CREATE TABLE budgets (
        id uuid PRIMARY KEY,
        scope text NOT NULL CHECK (scope IN ('global', 'feature')),
        feature text,
        currency char(3) NOT NULL,
        period text NOT NULL CHECK (period IN ('day', 'month')),
        limit_nanos bigint NOT NULL CHECK (limit_nanos >= 0),
        soft_limit_nanos bigint CHECK (soft_limit_nanos >= 0 AND soft_limit_nanos <= limit_nanos),
        active boolean NOT NULL DEFAULT true,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((scope = 'feature') = (feature IS NOT NULL))
      )`);
    await q(`
      CREATE TABLE budget_changes (
        id uuid PRIMARY KEY,
        budget_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`
      CREATE TABLE budget_usage (
        budget_id uuid NOT NULL REFERENCES budgets (id),
        window_start timestamptz NOT NULL,
        spent_nanos bigint NOT NULL DEFAULT 0 CHECK (spent_nanos >= 0),
        reserved_nanos bigint NOT NULL DEFAULT 0 CHECK (reserved_nanos >= 0),
        soft_alerted_at timestamptz,
        PRIMARY KEY (budget_id, window_start)
      )`);
    await q(`
      CREATE TABLE budget_reservations (
        call_id uuid NOT NULL,
        budget_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        amount_nanos bigint NOT NULL CHECK (amount_nanos >= 0),
        expires_at timestamptz NOT NULL,
        settled_at timestamptz,
        settled_nanos bigint,
        PRIMARY KEY (call_id, budget_id)
      )`);
    await q(`CREATE INDEX budget_reservations_open_idx ON budget_reservations (expires_at) WHERE settled_at IS NULL`);
    // Append-only: versions are immutable, label moves and calls are history. A trigger, not a
    // REVOKE: foreign keys to prompt_versions lock its rows (FOR KEY SHARE), which needs UPDATE.
    await q(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ai.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['prompt_versions', 'prompt_label_moves', 'calls', 'budget_changes']) {
      await q(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
               FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q(`REVOKE TRUNCATE ON ${table} FROM CURRENT_USER`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'budget_reservations',
      'budget_usage',
      'budget_changes',
      'budgets',
      'spend_daily',
      'calls',
      'model_prices',
      'feature_settings',
      'prompt_label_moves',
      'prompt_labels',
      'prompt_versions',
      'prompts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_change()`);
  }
}
