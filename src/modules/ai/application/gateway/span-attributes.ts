import { inputTokens, outputTokens, TokenUsage } from '../../domain/token-usage';

export interface SpanFacts {
  readonly providerName: string | null;
  readonly server: { readonly address: string; readonly port: number | null } | null;
  readonly requestModel: string | null;
  readonly maxOutputTokens: number | null;
  /** Whether the answer was streamed. */
  readonly stream?: boolean;
  readonly temperature?: number;
  readonly topP?: number;
  readonly responseId: string | null;
  readonly responseModel: string | null;
  readonly finishReason: string | null;
  readonly usage: TokenUsage | null;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  readonly promptLabel: string | null;
  readonly feature: string;
  readonly outcome: string;
  readonly errorType: string | null;
  readonly costNanos: number | null;
  readonly priced: boolean;
}

/**
 * The OpenTelemetry GenAI attributes of a call's CLIENT span (`chat {model}`), as the semantic
 * conventions name them (`gen_ai.usage.input_tokens` includes cache reads and writes), plus ours
 * under `arcade.ai.*`. Message contents are never put here: masked bodies live in the call log.
 */
export function spanAttributes(f: SpanFacts): Record<string, string | number | boolean | string[]> {
  const a: Record<string, string | number | boolean | string[]> = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.stream': f.stream ?? false,
    'arcade.ai.feature': f.feature,
    'arcade.ai.outcome': f.outcome,
    'arcade.ai.priced': f.priced,
  };
  const set = (key: string, value: string | number | string[] | null | undefined) => {
    if (value !== null && value !== undefined) a[key] = value;
  };
  set('gen_ai.provider.name', f.providerName);
  set('server.address', f.server?.address);
  set('server.port', f.server?.port);
  set('gen_ai.request.model', f.requestModel);
  set('gen_ai.request.max_tokens', f.maxOutputTokens);
  set('gen_ai.request.temperature', f.temperature);
  set('gen_ai.request.top_p', f.topP);
  set('gen_ai.response.id', f.responseId);
  set('gen_ai.response.model', f.responseModel);
  set('gen_ai.response.finish_reasons', f.finishReason ? [f.finishReason] : null);
  if (f.usage) {
    set('gen_ai.usage.input_tokens', inputTokens(f.usage));
    set('gen_ai.usage.output_tokens', outputTokens(f.usage));
    set('gen_ai.usage.cache_read.input_tokens', f.usage.cachedInput);
    set('gen_ai.usage.cache_creation.input_tokens', f.usage.cacheWrite);
    set('gen_ai.usage.reasoning.output_tokens', f.usage.reasoning);
  }
  set('gen_ai.prompt.name', f.promptName);
  set('arcade.ai.prompt.version', f.promptVersion);
  set('arcade.ai.prompt.label', f.promptLabel);
  set('error.type', f.errorType);
  set('arcade.ai.cost_nanos', f.costNanos);
  return a;
}
