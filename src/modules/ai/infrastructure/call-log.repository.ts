import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { CallRecord } from '../application/calls/call-record';

/** The unified AI call log (`ai.calls`, append-only) and its daily spend roll-up (`ai.spend_daily`). */
@Injectable()
export class CallLogRepository {
  /** Writes the call and adds it to the day × feature × provider × model roll-up, in one transaction. */
  async append(tx: Transaction, call: CallRecord): Promise<void> {
    const u = call.usage;
    const c = call.cost.priced ? call.cost : null;
    await tx.manager.query(
      `INSERT INTO calls (id, started_at, finished_at, feature, calling_module, operation, prompt_name, prompt_version,
         prompt_label, ab_arm, provider, request_model, response_model, response_id, finish_reason, outcome, error_type,
         http_status, attempts, fallback_used, streamed, latency_ms, ttft_ms, usage_reported, input_tokens,
         cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, priced, price_id, currency,
         cost_input_nanos, cost_cached_input_nanos, cost_cache_write_nanos, cost_output_nanos, cost_reasoning_nanos,
         cost_nanos, estimate_nanos, charged_nanos, request_body, response_body, pii_counts, ignored_variables, warnings,
         correlation_id, user_id, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
         $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45,
         $46, $47, $48)`,
      [
        call.id,
        call.startedAt,
        call.finishedAt,
        call.feature,
        call.callingModule,
        call.operation,
        call.prompt?.name ?? null,
        call.prompt?.version ?? null,
        call.prompt?.label ?? null,
        call.prompt?.arm ?? null,
        call.provider,
        call.requestModel,
        call.responseModel,
        call.responseId,
        call.finishReason,
        call.outcome,
        call.errorType,
        call.httpStatus,
        call.attempts,
        call.fallbackUsed,
        call.streamed,
        call.latencyMs,
        call.ttftMs,
        u !== null,
        u?.input ?? null,
        u?.cachedInput ?? null,
        u?.cacheWrite ?? null,
        u?.output ?? null,
        u?.reasoning ?? null,
        call.cost.priced,
        c?.priceId ?? null,
        c?.currency ?? null,
        c?.nanos.input ?? null,
        c?.nanos.cachedInput ?? null,
        c?.nanos.cacheWrite ?? null,
        c?.nanos.output ?? null,
        c?.nanos.reasoning ?? null,
        c?.totalNanos ?? null,
        call.estimateNanos,
        call.chargedNanos,
        call.requestBody === null ? null : JSON.stringify(call.requestBody),
        call.responseBody === null ? null : JSON.stringify(call.responseBody),
        JSON.stringify(call.piiCounts),
        call.ignoredVariables,
        call.warnings,
        call.correlationId,
        call.userId,
        JSON.stringify(call.attributes),
      ],
    );
    const refused =
      call.outcome === 'refused_budget' || call.outcome === 'refused_scope' || call.outcome === 'disabled';
    await tx.manager.query(
      `INSERT INTO spend_daily AS s (day, feature, provider, model, currency, calls, ok_calls, failed_calls, refused_calls,
         unpriced_calls, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos)
       VALUES (($1::timestamptz AT TIME ZONE 'UTC')::date, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (day, feature, provider, model, currency) DO UPDATE SET
         calls = s.calls + 1, ok_calls = s.ok_calls + EXCLUDED.ok_calls, failed_calls = s.failed_calls + EXCLUDED.failed_calls,
         refused_calls = s.refused_calls + EXCLUDED.refused_calls, unpriced_calls = s.unpriced_calls + EXCLUDED.unpriced_calls,
         input_tokens = s.input_tokens + EXCLUDED.input_tokens,
         cached_input_tokens = s.cached_input_tokens + EXCLUDED.cached_input_tokens,
         cache_write_tokens = s.cache_write_tokens + EXCLUDED.cache_write_tokens,
         output_tokens = s.output_tokens + EXCLUDED.output_tokens,
         reasoning_tokens = s.reasoning_tokens + EXCLUDED.reasoning_tokens, cost_nanos = s.cost_nanos + EXCLUDED.cost_nanos`,
      [
        call.startedAt,
        call.feature,
        call.provider ?? '',
        call.responseModel ?? call.requestModel ?? '',
        c?.currency ?? '',
        call.outcome === 'ok' ? 1 : 0,
        call.outcome === 'error' ? 1 : 0,
        refused ? 1 : 0,
        !call.cost.priced && !refused && u !== null ? 1 : 0,
        u?.input ?? 0,
        u?.cachedInput ?? 0,
        u?.cacheWrite ?? 0,
        u?.output ?? 0,
        u?.reasoning ?? 0,
        c?.totalNanos ?? 0,
      ],
    );
  }
}
