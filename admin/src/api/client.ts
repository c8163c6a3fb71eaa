/**
 * The console's one way to the Arcade HTTP API (same origin: the app, or the gateway in the split
 * topology). Tokens live in this module's memory only, never in web storage: a reload asks for the
 * password again. A 401 triggers one refresh (shared by concurrent calls) and one retry.
 */

/** What /accounts/login and /accounts/token/refresh answer. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Lifetime of the access token, seconds. */
  readonly expiresIn: number;
}

/** An RFC 9457 problem as the API answers it (application/problem+json). */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
}

/** A non-2xx answer; `problem` holds its body when it was problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`);
  }
}

let tokens: SessionTokens | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<(signedIn: boolean) => void>();

/** Called with false when the session ends (logout, or a refresh the API refused). */
export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the tokens of a new session (in memory). */
export function startSession(next: SessionTokens): void {
  tokens = next;
  for (const listener of listeners) listener(true);
}

/** Forgets the tokens; the API is told separately (see logOut). */
export function endSession(): void {
  tokens = undefined;
  for (const listener of listeners) listener(false);
}

/** The refresh token of the current session, for logout. */
export function currentRefreshToken(): string | undefined {
  return tokens?.refreshToken;
}

async function refresh(): Promise<boolean> {
  const refreshToken = tokens?.refreshToken;
  if (!refreshToken) return false;
  const response = await fetch('/accounts/token/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (!response.ok) return false;
  tokens = (await response.json()) as SessionTokens;
  return true;
}

function refreshOnce(): Promise<boolean> {
  refreshing ??= refresh().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Send the access token (default true). */
  readonly authenticated?: boolean;
  /** Extra request headers, e.g. an `Idempotency-Key`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Calls the API and answers its JSON body (undefined for 204). Throws {@link ApiError} for a
 * non-2xx answer; a 401 with a session first refreshes it once and retries.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const send = () => {
    const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.authenticated !== false && tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
    return fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };
  let response = await send();
  if (response.status === 401 && options.authenticated !== false && tokens) {
    if (await refreshOnce()) response = await send();
    else endSession();
  }
  return answer<T>(response);
}

async function answer<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, type.includes('problem+json') ? (body as Problem) : undefined);
  }
  return body as T;
}
