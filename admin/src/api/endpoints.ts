import { request, SessionTokens } from './client';

/** Money in integer minor units, as every Arcade amount. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface Me {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly ('customer' | 'admin')[];
}

/** GET /health/ready: the terminus result (details only for who may see them). */
export interface Readiness {
  readonly status: 'ok' | 'error' | 'shutting_down';
  readonly info?: Record<string, { readonly status: string; readonly message?: string }>;
  readonly error?: Record<string, { readonly status: string; readonly message?: string }>;
}

/** One module's messaging; the counts are null when its database did not answer (`database: 'down'`). */
export interface ModuleMessagingStatus {
  readonly module: string;
  readonly database: 'up' | 'down';
  readonly pending: number | null;
  /** Seconds; null when nothing is pending. */
  readonly oldestPendingAgeSeconds: number | null;
  readonly deadLetters: number | null;
  /** Events the module's inbox remembers as handled. */
  readonly inbox: number | null;
  /** `this-process`, or the origin of the upstream that hosts the module (split topology). */
  readonly host?: string;
  readonly error?: string;
}

/** GET /orders/stats: orders since an instant (default: today, UTC) and checkouts in flight. */
export interface OrderStats {
  /** ISO 8601. */
  readonly since: string;
  readonly placed: number;
  readonly confirmed: number;
  readonly cancelled: number;
  /** Per currency and tax mode; `total` is the sum of its breakdown. */
  readonly revenue: readonly {
    readonly currency: string;
    readonly taxIncluded: boolean;
    /** Confirmed orders in the window not cancelled since, whose totals make this row. */
    readonly orders: number;
    readonly total: Money;
  }[];
  readonly inFlight: { readonly total: number; readonly byState: Record<string, number> };
}

export interface MessagingOverview {
  readonly transport: string;
  readonly modules: readonly ModuleMessagingStatus[];
  readonly broker?: {
    readonly connected: boolean;
    readonly stream: string;
    readonly consumers: readonly { readonly module: string; readonly pending: number }[] | null;
  };
}

export interface OrderSummary {
  readonly id: string;
  readonly status: string;
  readonly customerId: string;
  readonly totals: { readonly total: Money; readonly itemCount: number };
  /** ISO 8601. */
  readonly createdAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** An AI budget with its current window; amounts are decimal strings of `currency`. */
export interface Budget {
  readonly id: string;
  readonly scope: 'global' | 'feature';
  readonly feature: string | null;
  readonly period: 'day' | 'month';
  readonly currency: string;
  readonly limit: string;
  readonly softLimit: string | null;
  readonly active: boolean;
  readonly window: { readonly start: string; readonly end: string; readonly spent: string; readonly reserved: string };
}

/** GET /ai/spend totals per currency ("unpriced" for calls without a price). */
export interface Spend {
  readonly totals: Record<string, { readonly calls: number; readonly unpricedCalls: number; readonly cost: string }>;
}

/** The API calls of the console, one function each; pages call these through TanStack Query. */
export const api = {
  logIn: (email: string, password: string) =>
    request<SessionTokens>('/accounts/login', { method: 'POST', body: { email, password }, authenticated: false }),
  logOut: (refreshToken: string) => request<void>('/accounts/logout', { method: 'POST', body: { refreshToken } }),
  me: () => request<Me>('/accounts/me'),
  readiness: () => readiness(),
  messaging: () => request<MessagingOverview>('/admin/messaging'),
  orders: (query: { limit?: number; status?: string; cursor?: string } = {}) =>
    request<Page<OrderSummary>>(`/orders${search(query)}`),
  orderStats: () => request<OrderStats>('/orders/stats'),
  budgets: () => request<{ items: readonly Budget[] }>('/ai/budgets'),
  /** `from` inclusive, `to` exclusive, both YYYY-MM-DD (UTC). */
  spend: (from: string, to: string) => request<Spend>(`/ai/spend${search({ from, to })}`),
};

/** Readiness answers 503 with the same shape when a check fails: both are a result here. */
async function readiness(): Promise<Readiness> {
  const response = await fetch('/health/ready', { headers: { accept: 'application/json' } });
  const body = (await response.json()) as { status?: unknown };
  return response.ok || typeof body.status === 'string' ? (body as Readiness) : { status: 'error' };
}

function search(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
