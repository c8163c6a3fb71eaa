import { ConfigError, Env, readEnum, readInt, readString, readUrl } from '../../platform/config';

/** Injection token of {@link AiConfig}. */
export const AI_CONFIG = Symbol('AI_CONFIG');

/** One configured model provider (docs/modules/ai.md#settings). */
export interface AiProviderConfig {
  /** `openai` (any OpenAI-compatible server) or `anthropic`: the id prompt versions name. */
  readonly id: 'openai' | 'anthropic';
  /** The SDK's base URL; undefined = the provider's public API. */
  readonly baseURL?: string;
  readonly apiKey: string;
  /** `gen_ai.provider.name` on spans and in the log, e.g. `openai`, `ollama`, `vllm`. */
  readonly name: string;
}

/** Settings of the ai module. */
export interface AiConfig {
  /** The providers configured; empty = AI features are disabled (503 `ai-disabled`). */
  readonly providers: readonly AiProviderConfig[];
  /** Per attempt, in milliseconds (the SDK's `timeout`). */
  readonly timeoutMs: number;
  /** Retries after the first attempt on 408/409/429/5xx and connection errors (the SDK's `maxRetries`, with its back-off). */
  readonly maxRetries: number;
  /** How long a resolved prompt is served from the caller-side cache before it is refreshed, in milliseconds. */
  readonly promptCacheTtlMs: number;
  /** How long past its TTL a cached prompt may still be served while the vault is unreachable, in milliseconds. */
  readonly promptCacheMaxStaleMs: number;
  /** A reservation not settled after this long (the process died mid-call) is settled at its estimate, in milliseconds. */
  readonly reservationTtlMs: number;
  /** Currency of budgets and of the estimate of calls to unpriced models. */
  readonly budgetCurrency: string;
  /** Largest page of the admin lists. */
  readonly maxPageSize: number;
}

/** Public (it is in the source): the key sent to a keyless local server outside production. */
export const DEV_LOCAL_API_KEY = 'arcade-local-no-key';

/** Reads the ai settings; a ConfigError (one line naming the variable) when unsafe or malformed. */
export function loadAiConfig(env: Env): AiConfig {
  const production = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const providers: AiProviderConfig[] = [];
  const openAi = readProvider(env, 'AI_OPENAI_BASE_URL', 'AI_OPENAI_API_KEY', production);
  if (openAi) providers.push({ id: 'openai', ...openAi, name: readString(env, 'AI_OPENAI_PROVIDER_NAME', 'openai') });
  const anthropic = readProvider(env, 'AI_ANTHROPIC_BASE_URL', 'AI_ANTHROPIC_API_KEY', production);
  if (anthropic) providers.push({ id: 'anthropic', ...anthropic, name: 'anthropic' });
  const currency = readString(env, 'AI_BUDGET_CURRENCY', 'USD');
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError('AI_BUDGET_CURRENCY', 'must be an ISO 4217 code such as USD');
  return {
    providers,
    timeoutMs: readInt(env, 'AI_TIMEOUT_MS', 30_000, 100, 600_000),
    maxRetries: readInt(env, 'AI_MAX_RETRIES', 2, 0, 10),
    promptCacheTtlMs: readInt(env, 'AI_PROMPT_CACHE_TTL_MS', 60_000, 0, 86_400_000),
    promptCacheMaxStaleMs: readInt(env, 'AI_PROMPT_CACHE_MAX_STALE_MS', 3_600_000, 0, 7 * 86_400_000),
    reservationTtlMs: readInt(env, 'AI_RESERVATION_TTL_MS', 15 * 60_000, 1_000, 86_400_000),
    budgetCurrency: currency,
    maxPageSize: readInt(env, 'AI_MAX_PAGE_SIZE', 100, 1, 1000),
  };
}

/**
 * A provider is configured by its base URL or its key. The public development key is used only
 * outside production, for keyless local servers (Ollama, LM Studio); production needs a real key.
 */
function readProvider(env: Env, urlName: string, keyName: string, production: boolean) {
  const baseURL = readUrl(env, urlName, ['http', 'https']);
  const apiKey = readString(env, keyName);
  if (baseURL === undefined && apiKey === undefined) return undefined;
  if (apiKey === DEV_LOCAL_API_KEY && production) {
    throw new ConfigError(keyName, 'must not be the public development key in production');
  }
  if (apiKey === undefined && production) {
    throw new ConfigError(keyName, `must be set in production when ${urlName} is (any value a local server accepts)`);
  }
  return { ...(baseURL ? { baseURL } : {}), apiKey: apiKey ?? DEV_LOCAL_API_KEY };
}
