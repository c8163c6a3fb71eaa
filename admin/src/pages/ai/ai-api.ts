import { request, type Page } from '../../api';

/**
 * The AI module's admin API (src/modules/ai/http), as the AI pages call it. Cost figures are
 * decimal strings of their currency (nanos precision), never floats; times are ISO 8601.
 */

/** Where a label points; `split` sends `weightBps` of 10 000 sticky keys to a second version. */
export interface LabelTarget {
  readonly version: number;
  readonly split?: { readonly version: number; readonly weightBps: number };
}

export interface PromptSummary {
  readonly name: string;
  readonly description: string;
  readonly latestVersion: number;
  readonly labels: Record<string, LabelTarget>;
  readonly createdAt: string;
}

export type PromptTemplate =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'chat'; readonly messages: readonly { readonly role: string; readonly content: string }[] };

export interface ModelSettings {
  readonly provider: string;
  readonly model: string;
  readonly maxOutputTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
}

export interface PromptVersion {
  readonly promptName: string;
  readonly version: number;
  readonly template: PromptTemplate;
  readonly variables: readonly string[];
  readonly settings: ModelSettings;
  readonly commitMessage: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** POST /ai/prompts: a new immutable version (the first one creates the prompt). */
export interface NewPromptVersion {
  readonly name: string;
  readonly description?: string;
  readonly template: PromptTemplate;
  readonly variables: readonly string[];
  readonly settings: ModelSettings;
  readonly commitMessage: string;
}

/** One row of a prompt's label audit; `from` null: created, `to` null: removed. */
export interface LabelMove {
  readonly id: string;
  readonly label: string;
  readonly from: LabelTarget | null;
  readonly to: LabelTarget | null;
  readonly movedBy: string;
  readonly movedAt: string;
  readonly reason?: string;
}

export const CALL_OUTCOMES = ['ok', 'error', 'refused_budget', 'refused_scope', 'disabled'] as const;

/** One AI call of the unified log; the bodies are masked by the API and only in the one-call view. */
export interface AiCall {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly feature: string;
  readonly callingModule: string | null;
  readonly prompt: {
    readonly name: string;
    readonly version: number | null;
    readonly label: string | null;
    readonly arm: string | null;
  } | null;
  readonly provider: string | null;
  readonly requestModel: string | null;
  readonly responseModel: string | null;
  readonly outcome: string;
  readonly errorType: string | null;
  readonly httpStatus: number | null;
  readonly attempts: number;
  readonly fallbackUsed: boolean;
  readonly latencyMs: number;
  readonly streamed: boolean;
  readonly ttftMs: number | null;
  readonly usage: Record<string, number> | null;
  readonly cost: {
    readonly priced: boolean;
    readonly currency: string | null;
    readonly total: string | null;
    readonly breakdown: Record<string, string> | null;
    readonly charged: string;
    readonly estimate: string | null;
  };
  readonly correlationId: string | null;
  readonly userId: string | null;
  readonly warnings: readonly string[];
  readonly requestBody?: unknown;
  readonly responseBody?: unknown;
  readonly piiCounts?: unknown;
  readonly attributes?: unknown;
}

/** The filters of GET /ai/calls; `from`/`to` are ISO instants (from inclusive, to exclusive). */
export interface CallFilter {
  readonly feature?: string;
  readonly model?: string;
  readonly outcome?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** One row of the daily spend roll-up: a UTC day × feature × provider × model × currency. */
export interface SpendRow {
  readonly day: string;
  readonly feature: string;
  readonly provider: string;
  readonly model: string;
  /** Empty for calls of a model without a price. */
  readonly currency: string;
  readonly calls: number;
  readonly okCalls: number;
  readonly failedCalls: number;
  readonly refusedCalls: number;
  readonly unpricedCalls: number;
  readonly tokens: Record<string, number>;
  /** Cost in billionths of the currency's unit. */
  readonly costNanos: number;
}

export interface SpendReport {
  readonly items: readonly SpendRow[];
  readonly totals: Record<string, { readonly calls: number; readonly unpricedCalls: number; readonly cost: string }>;
}

export interface Price {
  readonly id: string;
  readonly modelName: string;
  readonly matchPattern: string;
  readonly effectiveFrom: string;
  readonly currency: string;
  /** Decimal strings per 1M tokens; null where the row sets none (input/output defaults apply). */
  readonly perMillionTokens: Record<string, string | null>;
  readonly source: 'default' | 'admin';
  readonly note: string | null;
}

export interface FeatureGrants {
  readonly feature: string;
  readonly audience: 'customer' | 'staff';
  readonly declaredScopes: readonly string[];
  /** 0: never granted anything (deny by default). */
  readonly version: number;
  readonly scopes: readonly string[];
  readonly tools: readonly string[];
  readonly maxToolCallsPerTurn: number;
  readonly maxRowsPerCall: number;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
}

export interface DataTool {
  readonly name: string;
  readonly description: string;
  readonly owner: string;
  readonly scope: string;
  readonly rowsOwnedBy: 'none' | 'customer';
}

/** One line of the tool audit. */
export interface ToolCall {
  readonly id: string;
  readonly at: string;
  readonly callId: string | null;
  readonly feature: string;
  readonly promptName: string | null;
  readonly promptVersion: number | null;
  readonly actorUserId: string | null;
  readonly tool: string;
  readonly scope: string | null;
  readonly reach: 'own' | 'any' | null;
  readonly rowsReturned: number;
  readonly verdict: string;
  readonly detail: string | null;
  readonly latencyMs: number;
  readonly grantsVersion: number;
  readonly correlationId: string;
}

export interface ToolCallFilter {
  readonly feature?: string;
  readonly verdict?: string;
  readonly cursor?: string;
}

const path = encodeURIComponent;

/** The AI endpoints, one function each (pages call them through TanStack Query). */
export const aiApi = {
  prompts: (cursor?: string) => request<Page<PromptSummary>>(`/ai/prompts${query({ cursor, limit: 100 })}`),
  prompt: (name: string) => request<PromptSummary>(`/ai/prompts/${path(name)}`),
  versions: (name: string, cursor?: string) =>
    request<Page<PromptVersion>>(`/ai/prompts/${path(name)}/versions${query({ cursor, limit: 100 })}`),
  version: (name: string, version: number) => request<PromptVersion>(`/ai/prompts/${path(name)}/versions/${version}`),
  labelMoves: (name: string) =>
    request<Page<LabelMove>>(`/ai/prompts/${path(name)}/label-moves${query({ limit: 50 })}`),
  createVersion: (body: NewPromptVersion) =>
    request<{ version: PromptVersion }>('/ai/prompts', { method: 'POST', body }),
  moveLabel: (name: string, label: string, version: number, reason?: string) =>
    request<{ labels: Record<string, LabelTarget>; move: LabelMove | null }>(
      `/ai/prompts/${path(name)}/labels/${path(label)}`,
      { method: 'PUT', body: reason ? { version, reason } : { version } },
    ),
  calls: (filter: CallFilter) => request<Page<AiCall>>(`/ai/calls${query({ limit: 25, ...filter })}`),
  call: (id: string) => request<AiCall>(`/ai/calls/${path(id)}`),
  /** `from` inclusive, `to` exclusive, both YYYY-MM-DD (UTC). */
  spend: (from: string, to: string) => request<SpendReport>(`/ai/spend${query({ from, to })}`),
  prices: () => request<{ items: readonly Price[] }>('/ai/prices'),
  grants: () => request<{ items: readonly FeatureGrants[] }>('/ai/data-tool-grants'),
  dataTools: () => request<{ items: readonly DataTool[] }>('/ai/data-tools'),
  toolCalls: (filter: ToolCallFilter) => request<Page<ToolCall>>(`/ai/tool-calls${query({ limit: 25, ...filter })}`),
};

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
