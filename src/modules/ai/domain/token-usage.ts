import { AiDomainError } from './ai-domain-error';

/**
 * One shape for the token usage of every provider: five DISJOINT buckets, so the cost is simply the
 * sum of bucket × price and nothing is counted twice.
 *
 * Providers report differently (read from their API references and SDK types):
 * - OpenAI Chat Completions: `prompt_tokens` INCLUDES `prompt_tokens_details.cached_tokens` (and
 *   `cache_write_tokens`); `completion_tokens` INCLUDES `completion_tokens_details.reasoning_tokens`.
 *   So input = prompt − cached − cache write, output = completion − reasoning.
 * - Anthropic Messages: `input_tokens` EXCLUDES `cache_read_input_tokens` and
 *   `cache_creation_input_tokens` (total input is the sum of the three); `output_tokens` INCLUDES
 *   `output_tokens_details.thinking_tokens`.
 * OpenTelemetry's `gen_ai.usage.input_tokens` includes the cache buckets: use `inputTokens()`.
 *
 * A breakdown larger than its total (seen from some OpenAI-compatible local servers) is ignored with
 * a warning: all tokens are then priced at the full input/output price, which over-charges rather
 * than under-charges. Counts that are not non-negative integers are refused (`invalid-usage`).
 */
export interface TokenUsage {
  /** Input tokens neither read from nor written to a prompt cache. */
  readonly input: number;
  /** Input tokens read from the provider's prompt cache. */
  readonly cachedInput: number;
  /** Input tokens written to the provider's prompt cache. */
  readonly cacheWrite: number;
  /** Output tokens that are not reasoning. */
  readonly output: number;
  /** Reasoning ("thinking") output tokens. */
  readonly reasoning: number;
}

export interface NormalisedUsage {
  readonly usage: TokenUsage;
  readonly warnings: readonly string[];
}

/** The `usage` object of an OpenAI-compatible chat completion (non-streaming or the last chunk). */
export interface OpenAiUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  readonly completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/** The `usage` object of an Anthropic message (after the stream's message_delta is merged). */
export interface AnthropicUsage {
  readonly input_tokens: number | null;
  readonly output_tokens: number;
  readonly cache_read_input_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly output_tokens_details?: { thinking_tokens?: number | null } | null;
}

export const USAGE_TYPES = ['input', 'cachedInput', 'cacheWrite', 'output', 'reasoning'] as const;
export type UsageType = (typeof USAGE_TYPES)[number];

/** All input tokens, cache buckets included (`gen_ai.usage.input_tokens`). */
export const inputTokens = (u: TokenUsage): number => u.input + u.cachedInput + u.cacheWrite;
/** All output tokens, reasoning included (`gen_ai.usage.output_tokens`). */
export const outputTokens = (u: TokenUsage): number => u.output + u.reasoning;

export function fromOpenAiUsage(raw: OpenAiUsage): NormalisedUsage {
  const warnings: string[] = [];
  const prompt = count('prompt_tokens', raw.prompt_tokens);
  const completion = count('completion_tokens', raw.completion_tokens);
  let cachedInput = count('cached_tokens', raw.prompt_tokens_details?.cached_tokens ?? 0);
  let cacheWrite = count('cache_write_tokens', raw.prompt_tokens_details?.cache_write_tokens ?? 0);
  if (cachedInput + cacheWrite > prompt) {
    warnings.push(`cached (${cachedInput}) + cache write (${cacheWrite}) exceed prompt_tokens (${prompt}); ignored`);
    cachedInput = cacheWrite = 0;
  }
  let reasoning = count('reasoning_tokens', raw.completion_tokens_details?.reasoning_tokens ?? 0);
  if (reasoning > completion) {
    warnings.push(`reasoning_tokens (${reasoning}) exceed completion_tokens (${completion}); ignored`);
    reasoning = 0;
  }
  const usage = {
    input: prompt - cachedInput - cacheWrite,
    cachedInput,
    cacheWrite,
    output: completion - reasoning,
    reasoning,
  };
  return { usage, warnings };
}

export function fromAnthropicUsage(raw: AnthropicUsage): NormalisedUsage {
  const warnings: string[] = [];
  const total = count('output_tokens', raw.output_tokens);
  let reasoning = count('thinking_tokens', raw.output_tokens_details?.thinking_tokens ?? 0);
  if (reasoning > total) {
    warnings.push(`thinking_tokens (${reasoning}) exceed output_tokens (${total}); ignored`);
    reasoning = 0;
  }
  const usage = {
    input: count('input_tokens', raw.input_tokens ?? 0),
    cachedInput: count('cache_read_input_tokens', raw.cache_read_input_tokens ?? 0),
    cacheWrite: count('cache_creation_input_tokens', raw.cache_creation_input_tokens ?? 0),
    output: total - reasoning,
    reasoning,
  };
  return { usage, warnings };
}

/**
 * A provider's usage read with `read`, or null with the reason when its counts are not usable (a
 * negative, fractional, huge or non-numeric count from a misbehaving server): the call is then
 * charged at its estimate as one without usage — never free, and never a failed call the provider
 * still bills.
 */
export function readUsage<T>(
  raw: T | null | undefined,
  read: (raw: T) => NormalisedUsage,
): { readonly usage: NormalisedUsage | null; readonly invalid: string | null } {
  if (raw === null || raw === undefined) return { usage: null, invalid: null };
  try {
    return { usage: read(raw), invalid: null };
  } catch (error) {
    if (!(error instanceof AiDomainError)) throw error;
    return { usage: null, invalid: `the provider's usage was not usable (${error.message}): charged at the estimate` };
  }
}

function count(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new AiDomainError('invalid-usage', `usage field ${field} must be a non-negative integer`, { field });
  }
  return value;
}
