import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../platform/messaging';
import { formatNanos } from '../domain/decimal-amount';
import { queryRows } from '../../../platform/database';

export interface CallFilter {
  readonly feature?: string;
  readonly promptName?: string;
  readonly promptVersion?: number;
  /** Matches the requested or the answering model. */
  readonly model?: string;
  readonly outcome?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** One call as the admin API shows it: money as decimal strings, bodies masked. */
export interface CallView {
  readonly id: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly feature: string;
  readonly callingModule: string | null;
  readonly prompt: { name: string; version: number | null; label: string | null; arm: string | null } | null;
  readonly provider: string | null;
  readonly requestModel: string | null;
  readonly responseModel: string | null;
  readonly outcome: string;
  readonly errorType: string | null;
  readonly httpStatus: number | null;
  readonly attempts: number;
  readonly fallbackUsed: boolean;
  readonly latencyMs: number;
  /** Whether the provider streamed the answer; `ttftMs` is its time to the first token. */
  readonly streamed: boolean;
  readonly ttftMs: number | null;
  readonly usage: { input: number; cachedInput: number; cacheWrite: number; output: number; reasoning: number } | null;
  /** `priced: false` = the model has no price (flagged); amounts are decimal strings of `currency`. */
  readonly cost: {
    priced: boolean;
    currency: string | null;
    total: string | null;
    breakdown: Record<string, string> | null;
    charged: string;
    estimate: string | null;
  };
  readonly correlationId: string | null;
  readonly userId: string | null;
  readonly warnings: readonly string[];
  /** Only in the one-call view. */
  readonly requestBody?: unknown;
  readonly responseBody?: unknown;
  readonly piiCounts?: unknown;
  readonly attributes?: unknown;
}

/** Per prompt version and A/B arm: how it did. */
export interface VersionStats {
  readonly version: number;
  readonly arm: string;
  readonly calls: number;
  readonly errors: number;
  /** errors / calls, 0–1, 4 decimals. */
  readonly errorRate: number;
  readonly latencyMs: { readonly p50: number | null; readonly p95: number | null };
  /** Mean cost of the priced calls, decimal string; null when none is priced. */
  readonly meanCost: string | null;
  readonly currency: string | null;
  readonly unpricedCalls: number;
}

const LIST_COLUMNS = `id, started_at, finished_at, feature, calling_module, prompt_name, prompt_version, prompt_label,
  ab_arm, provider, request_model, response_model, outcome, error_type, http_status, attempts, fallback_used, latency_ms,
  streamed, ttft_ms, usage_reported, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, priced,
  currency, cost_input_nanos, cost_cached_input_nanos, cost_cache_write_nanos, cost_output_nanos, cost_reasoning_nanos,
  cost_nanos, charged_nanos, estimate_nanos, correlation_id, user_id, warnings`;

/** Reads of `ai.calls` (lean SQL; the list is keyset-paginated on (started_at, id), newest first). */
@Injectable()
export class CallLogReader {
  constructor(private readonly uow: UnitOfWork) {}

  async page(filter: CallFilter, limit: number, before: { at: string; id: string } | null): Promise<CallView[]> {
    const rows = await queryRows<Record<string, unknown>>(
      this.uow.reader,
      `SELECT ${LIST_COLUMNS} FROM calls
       WHERE ($1::text IS NULL OR feature = $1) AND ($2::text IS NULL OR prompt_name = $2)
         AND ($3::int IS NULL OR prompt_version = $3)
         AND ($4::text IS NULL OR request_model = $4 OR response_model = $4)
         AND ($5::text IS NULL OR outcome = $5) AND ($6::timestamptz IS NULL OR started_at >= $6)
         AND ($7::timestamptz IS NULL OR started_at < $7)
         AND ($8::timestamptz IS NULL OR (started_at, id) < ($8, $9::uuid))
       ORDER BY started_at DESC, id DESC LIMIT $10`,
      [
        filter.feature ?? null,
        filter.promptName ?? null,
        filter.promptVersion ?? null,
        filter.model ?? null,
        filter.outcome ?? null,
        filter.from ?? null,
        filter.to ?? null,
        before?.at ?? null,
        before?.id ?? null,
        limit,
      ],
    );
    return rows.map((r) => toView(r, false));
  }

  async one(id: string): Promise<CallView | undefined> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.uow.reader,
      `SELECT ${LIST_COLUMNS}, request_body, response_body, pii_counts, attributes FROM calls WHERE id = $1`,
      [id],
    );
    return row && toView(row, true);
  }

  async stats(promptName: string, from: Date | null, to: Date | null): Promise<VersionStats[]> {
    const rows = await queryRows<{
      version: number;
      arm: string;
      calls: string;
      errors: string;
      p50: number | null;
      p95: number | null;
      mean_cost: string | null;
      currency: string | null;
      unpriced: string;
    }>(
      this.uow.reader,
      `SELECT prompt_version AS version, coalesce(ab_arm, 'main') AS arm, count(*) AS calls,
         count(*) FILTER (WHERE outcome = 'error') AS errors,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('ok', 'error')) AS p50,
         percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('ok', 'error')) AS p95,
         (sum(cost_nanos) FILTER (WHERE priced) / nullif(count(*) FILTER (WHERE priced), 0))::bigint AS mean_cost,
         min(currency) AS currency,
         count(*) FILTER (WHERE NOT priced AND outcome = 'ok') AS unpriced
       FROM calls
       WHERE prompt_name = $1 AND prompt_version IS NOT NULL AND outcome IN ('ok', 'error')
         AND ($2::timestamptz IS NULL OR started_at >= $2) AND ($3::timestamptz IS NULL OR started_at < $3)
       GROUP BY prompt_version, coalesce(ab_arm, 'main') ORDER BY prompt_version DESC, arm`,
      [promptName, from, to],
    );
    return rows.map((r) => ({
      version: r.version,
      arm: r.arm,
      calls: Number(r.calls),
      errors: Number(r.errors),
      errorRate: Math.round((Number(r.errors) / Number(r.calls)) * 10_000) / 10_000,
      latencyMs: { p50: r.p50, p95: r.p95 },
      meanCost: r.mean_cost === null ? null : formatNanos(Number(r.mean_cost)),
      currency: r.currency,
      unpricedCalls: Number(r.unpriced),
    }));
  }
}

const money = (v: unknown): string | null => (v === null || v === undefined ? null : formatNanos(Number(v)));

function toView(r: Record<string, unknown>, full: boolean): CallView {
  const priced = r.priced === true;
  return {
    id: r.id as string,
    startedAt: r.started_at as Date,
    finishedAt: r.finished_at as Date,
    feature: r.feature as string,
    callingModule: r.calling_module as string | null,
    prompt: r.prompt_name
      ? {
          name: r.prompt_name as string,
          version: r.prompt_version as number | null,
          label: r.prompt_label as string | null,
          arm: r.ab_arm as string | null,
        }
      : null,
    provider: r.provider as string | null,
    requestModel: r.request_model as string | null,
    responseModel: r.response_model as string | null,
    outcome: r.outcome as string,
    errorType: r.error_type as string | null,
    httpStatus: r.http_status as number | null,
    attempts: r.attempts as number,
    fallbackUsed: r.fallback_used as boolean,
    latencyMs: r.latency_ms as number,
    streamed: r.streamed as boolean,
    ttftMs: r.ttft_ms as number | null,
    usage: r.usage_reported
      ? {
          input: r.input_tokens as number,
          cachedInput: r.cached_input_tokens as number,
          cacheWrite: r.cache_write_tokens as number,
          output: r.output_tokens as number,
          reasoning: r.reasoning_tokens as number,
        }
      : null,
    cost: {
      priced,
      currency: r.currency as string | null,
      total: money(r.cost_nanos),
      breakdown: priced
        ? {
            input: money(r.cost_input_nanos)!,
            cachedInput: money(r.cost_cached_input_nanos)!,
            cacheWrite: money(r.cost_cache_write_nanos)!,
            output: money(r.cost_output_nanos)!,
            reasoning: money(r.cost_reasoning_nanos)!,
          }
        : null,
      charged: money(r.charged_nanos) ?? '0.000000000',
      estimate: money(r.estimate_nanos),
    },
    correlationId: r.correlation_id as string | null,
    userId: r.user_id as string | null,
    warnings: r.warnings as string[],
    ...(full
      ? {
          requestBody: r.request_body,
          responseBody: r.response_body,
          piiCounts: r.pii_counts,
          attributes: r.attributes,
        }
      : {}),
  };
}
