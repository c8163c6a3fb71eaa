import { ChatToolCall, ChatToolDefinition } from '../../contracts';
import { ChatMessage } from '../../domain/prompt-template';
import { NormalisedUsage } from '../../domain/token-usage';

/** A message sent to a provider: the rendered prompt's, then the caller's turns. */
export type ProviderMessage =
  | ChatMessage
  | { readonly role: 'assistant'; readonly content: string | null; readonly toolCalls?: readonly ChatToolCall[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

export interface ProviderRequest {
  readonly model: string;
  readonly messages: readonly ProviderMessage[];
  readonly tools?: readonly ChatToolDefinition[];
  /** Always sent (`max_completion_tokens` / `max_tokens`): budgets reserve on it. */
  readonly maxOutputTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
  /**
   * Ask the provider to stream its answer (SSE): the adapter assembles it, measures the time to the
   * first token, and reads usage from the stream's final chunk. An adapter that cannot stream
   * answers unstreamed (`streamed: false` in its reply).
   */
  readonly stream?: boolean;
}

export interface ProviderReply {
  readonly content: string | null;
  readonly toolCalls: readonly ChatToolCall[];
  readonly finishReason: string;
  readonly responseModel: string;
  readonly responseId: string | null;
  /** Null when the provider reported no usage. */
  readonly usage: NormalisedUsage | null;
  /** HTTP attempts the SDK made, retries included. */
  readonly attempts: number;
  /** Whether the answer came as a stream. */
  readonly streamed?: boolean;
  /** Milliseconds from the request to the first streamed token (content or tool call); null if unstreamed. */
  readonly ttftMs?: number | null;
  /** What the adapter could not use of the answer (an unusable usage), for the call log. */
  readonly warnings?: readonly string[];
}

/** A provider call that failed after the SDK's retries. */
export class ProviderCallError extends Error {
  override name = 'ProviderCallError';

  constructor(
    message: string,
    /** `rate_limited`, `server_error`, `timeout`, `connection`, `bad_request`, `auth`, … (`error.type`). */
    readonly errorType: string,
    /** The last HTTP status, if any answer came. */
    readonly httpStatus: number | null,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** One model provider behind the gateway (an adapter over its official SDK). */
export interface ChatProvider {
  /** The id prompt versions name: `openai` or `anthropic`. */
  readonly id: string;
  /** `gen_ai.provider.name`, e.g. `openai`, `ollama`. */
  readonly name: string;
  /** `server.address` and `server.port` of its endpoint. */
  readonly server: { readonly address: string; readonly port: number | null };
  /** @throws ProviderCallError */
  complete(request: ProviderRequest): Promise<ProviderReply>;
}

/** Injection token: the configured providers (empty = AI disabled). */
export const CHAT_PROVIDERS = Symbol('CHAT_PROVIDERS');
