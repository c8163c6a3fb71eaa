import { Command, CommandContract } from '../../../platform/messaging/contracts';
import { ChatCompletion } from './complete-chat.command';

/** Options of a {@link CompleteChatWithDataTools}; all optional. */
export interface DataToolChatOptions {
  /**
   * The person the feature acts for: the row filter of every `:own` grant (a customer sees only
   * their orders), logged with each model call and each tool call, and the sticky key of an A/B split.
   */
  readonly userId?: string;
  readonly stickyKey?: string;
  /** The module asking (logged), e.g. `catalog`. */
  readonly callingModule?: string;
  /** Model calls at most, 1–8 (default 4); the last is offered no tools, so it answers in text. */
  readonly maxModelCalls?: number;
}

/** The model's final answer, and how the loop got there. */
export interface DataToolChatCompletion {
  /** The last model call (its text is the answer; its `callId` is in the AI call log). */
  readonly completion: ChatCompletion;
  /** Every model call's id in the AI call log, in order. */
  readonly callIds: readonly string[];
  /** Tool calls the model made, allowed or refused (each is in the tool audit, `GET /ai/tool-calls`). */
  readonly toolCalls: number;
}

/**
 * Like `ai.CompleteChat`, with the data tools the feature is granted: the model may call them, and
 * the AI module answers each call itself — scope checked on every call, rows filtered by `userId`
 * under an `:own` grant, calls per turn and rows per call limited, writes refused, every call
 * audited — then asks the model again, until it answers in text. Each model call goes through the
 * gateway (budget, fallback, log, cost). Refusals as for `ai.CompleteChat`.
 */
@CommandContract(
  'ai.CompleteChatWithDataTools',
  () =>
    new CompleteChatWithDataTools(
      'catalog.description-drafts',
      'catalog.product-description',
      'production',
      { productId: '0190a000-0000-7000-8000-000000000002' },
      { userId: '0190a000-0000-7000-8000-000000000001', callingModule: 'catalog' },
    ),
  // Sent with bus.execute, not an outbox; were it sent through one, calls of one feature go in order.
  { key: (command) => command.feature },
)
export class CompleteChatWithDataTools extends Command<DataToolChatCompletion> {
  constructor(
    /** The AI feature asking: its grants, budgets, settings and log. */
    readonly feature: string,
    readonly promptName: string,
    readonly label: string,
    /** Values of the prompt's variables (strings, finite numbers, booleans). */
    readonly variables: Readonly<Record<string, string | number | boolean>>,
    readonly options: DataToolChatOptions = {},
  ) {
    super();
  }
}
