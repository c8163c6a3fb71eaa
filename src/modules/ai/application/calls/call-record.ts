import { PiiCounts } from '../../domain/pii-masking';
import { TokenUsage } from '../../domain/token-usage';

export type CallOutcome = 'ok' | 'error' | 'refused_budget' | 'refused_scope' | 'disabled';

/** One AI call as the unified log stores it (one row of `ai.calls`, written once when the call ends). */
export interface CallRecord {
  readonly id: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly feature: string;
  readonly callingModule: string | null;
  readonly operation: 'chat';
  readonly prompt: {
    readonly name: string;
    readonly version: number | null;
    readonly label: string;
    readonly arm: 'main' | 'split' | null;
  } | null;
  readonly provider: string | null;
  readonly requestModel: string | null;
  readonly responseModel: string | null;
  readonly responseId: string | null;
  readonly finishReason: string | null;
  readonly outcome: CallOutcome;
  readonly errorType: string | null;
  readonly httpStatus: number | null;
  /** HTTP attempts, SDK retries and the fallback model's included. */
  readonly attempts: number;
  readonly fallbackUsed: boolean;
  readonly streamed: boolean;
  /** Milliseconds from the gateway's start to the answer. */
  readonly latencyMs: number;
  /** Milliseconds to the first streamed token; null when not streamed. */
  readonly ttftMs: number | null;
  /** Null when the provider reported none. */
  readonly usage: TokenUsage | null;
  readonly cost:
    | {
        readonly priced: true;
        readonly priceId: string;
        readonly currency: string;
        readonly nanos: Readonly<Record<keyof TokenUsage, number>>;
        readonly totalNanos: number;
      }
    | { readonly priced: false };
  /** What was reserved against budgets before the call; null when no budget applied. */
  readonly estimateNanos: number | null;
  /** What the call counts against budgets and in spend: the provider's bill (ADR 0105). */
  readonly chargedNanos: number;
  /** Masked; null when the feature does not capture bodies. */
  readonly requestBody: unknown;
  readonly responseBody: unknown;
  readonly piiCounts: PiiCounts;
  readonly ignoredVariables: readonly string[];
  readonly warnings: readonly string[];
  readonly correlationId: string | null;
  readonly userId: string | null;
  /** OpenTelemetry GenAI attributes of the call's span (`gen_ai.*`, `server.*`, `arcade.ai.*`). */
  readonly attributes: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}
