import { Query, QueryContract } from '../../../platform/messaging/contracts';

/** A chat message of a prompt template (roles as in OpenAI's chat API). */
export interface PromptMessage {
  readonly role: 'system' | 'developer' | 'user' | 'assistant';
  readonly content: string;
}

/** A prompt template: one text, or chat messages; `{{variable}}` placeholders are filled on render. */
export type PromptTemplateView =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'chat'; readonly messages: readonly PromptMessage[] };

/** The model settings a prompt version carries (a rollback rolls them back too). */
export interface PromptModelSettings {
  /** Gateway provider id: `openai` (any OpenAI-compatible server) or `anthropic`. */
  readonly provider: string;
  readonly model: string;
  /** Upper bound of output tokens, reasoning included (budgets reserve on it). */
  readonly maxOutputTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
}

/** The version a label resolved to for this caller. */
export interface ResolvedPrompt {
  readonly name: string;
  /** The label asked for (`latest`, `production`, …). */
  readonly label: string;
  readonly version: number;
  /** `main` = the label's version; `split` = its A/B split's version, chosen by the sticky key. */
  readonly arm: 'main' | 'split';
  readonly template: PromptTemplateView;
  /** The variables the template declares, sorted: each must be given a value on render. */
  readonly variables: readonly string[];
  readonly settings: PromptModelSettings;
  /**
   * `vault`: read now; `cache`: within its TTL; `stale`: past its TTL, served while a refresh runs or
   * while the vault is unreachable (at most `AI_PROMPT_CACHE_MAX_STALE_MS` old).
   */
  readonly source: 'vault' | 'cache' | 'stale';
}

/**
 * The prompt version `label` points at for `name`, with its A/B split applied by `stickyKey`
 * (a user id: the same key always gets the same version). Served from the AI module's cache
 * (stale-while-revalidate, `AI_PROMPT_CACHE_TTL_MS`). Answers a 404 problem `prompt-not-found` or
 * `unknown-label`. A caller that must never fail (checkout) catches any error and uses its own
 * declared fallback text: the vault being unreachable is then a 503 `module-unavailable`.
 */
@QueryContract('ai.GetPrompt', () => new GetPrompt('catalog.product-description', 'production', 'user-1'))
export class GetPrompt extends Query<ResolvedPrompt> {
  constructor(
    /** e.g. `catalog.product-description`. */
    readonly name: string,
    /** `production`, `staging`, `latest` or a custom label. */
    readonly label: string,
    /** Who the call is for (a user id), for a sticky A/B split; without one the label's main version. */
    readonly stickyKey: string | null = null,
  ) {
    super();
  }
}
