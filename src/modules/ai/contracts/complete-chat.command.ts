import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** A function the model may call (JSON Schema parameters), as the provider's tool definition. */
export interface ChatToolDefinition {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments object. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A tool call the model asked for; `arguments` is the JSON text as the model wrote it. */
export interface ChatToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/**
 * A turn appended after the rendered prompt: an earlier answer of the model (with its tool calls),
 * a tool's result, or more user text. Used by tool loops; most callers send none.
 */
export type ChatTurn =
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string | null; readonly toolCalls?: readonly ChatToolCall[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

/** Tokens by disjoint type (ADR 0105): the cost is Σ type × price. */
export interface ChatUsage {
  /** Input tokens neither read from nor written to a prompt cache. */
  readonly input: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
  /** Output tokens that are not reasoning. */
  readonly output: number;
  readonly reasoning: number;
}

export interface ChatCompletion {
  /** The call's id in the AI call log (`GET /ai/calls/:id`). */
  readonly callId: string;
  /** The model's text; null when it only called tools. */
  readonly content: string | null;
  readonly toolCalls: readonly ChatToolCall[];
  /** `stop`, `length`, `tool_calls`, `content_filter` (Anthropic's reasons mapped to these). */
  readonly finishReason: string;
  readonly prompt: { readonly name: string; readonly label: string; readonly version: number; readonly arm: string };
  /** Provider id and the model that answered (the feature's fallback model when `fallbackUsed`). */
  readonly provider: string;
  readonly model: string;
  readonly fallbackUsed: boolean;
  /** Null when the provider reported none. */
  readonly usage: ChatUsage | null;
  /**
   * What the call cost as a decimal string in `currency` (e.g. `"0.000336900"`), or `priced: false`
   * for a model the price table does not know (flagged, never free).
   */
  readonly cost: { readonly priced: boolean; readonly amount: string | null; readonly currency: string | null };
}

/** Options of a {@link CompleteChat}; all optional. */
export interface CompleteChatOptions {
  /** The user the call acts for: logged, and the sticky key of an A/B split unless `stickyKey` is given. */
  readonly userId?: string;
  readonly stickyKey?: string;
  /** The module asking (logged), e.g. `catalog`. */
  readonly callingModule?: string;
  readonly tools?: readonly ChatToolDefinition[];
  readonly conversation?: readonly ChatTurn[];
  /**
   * Have the provider stream its answer: the reply is the same assembled completion, and the call
   * log gets the time to the first token (`ttftMs`) and the usage from the stream's final chunk.
   * OpenAI-compatible providers only; Anthropic answers unstreamed (logged `streamed: false`).
   */
  readonly stream?: boolean;
}

/**
 * Renders the prompt `promptName` at `label` with `variables` and sends it through the AI gateway:
 * budgets are checked before the call (reserve, then settle), the provider's SDK retries 429/5xx,
 * the feature's fallback model answers when the prompt's model fails, and the call is logged once
 * (masked bodies, usage, latency, cost, outcome, correlation id). Refusals are problems the caller
 * catches to run its own fallback: 503 `ai-disabled` (no provider configured), 429
 * `ai-budget-exhausted` (a hard limit; `retryAfterSeconds` = the window's end), 502
 * `ai-provider-failed`, 404 `prompt-not-found` / `unknown-label`, 400 `missing-variable`.
 */
@CommandContract(
  'ai.CompleteChat',
  () =>
    new CompleteChat(
      'catalog.description-drafts',
      'catalog.product-description',
      'production',
      { title: 'Linen shirt' },
      { userId: '0190a000-0000-7000-8000-000000000001', callingModule: 'catalog' },
    ),
  { key: (c) => c.feature },
)
export class CompleteChat extends Command<ChatCompletion> {
  constructor(
    /** The AI feature asking, e.g. `catalog.description-drafts`: its budgets, settings and log. */
    readonly feature: string,
    readonly promptName: string,
    readonly label: string,
    /** Values of the prompt's variables (strings, finite numbers, booleans); extras are ignored and logged. */
    readonly variables: Readonly<Record<string, string | number | boolean>>,
    readonly options: CompleteChatOptions = {},
  ) {
    super();
  }
}
