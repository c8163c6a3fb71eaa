import { ProviderCallError } from '../../application/gateway/chat-provider';

interface SdkError {
  readonly name?: string;
  readonly status?: number;
  readonly message?: string;
}

/** Both SDKs throw APIError subclasses with `status`; connection errors and timeouts have none. */
export function providerError(error: unknown, attempts: number): ProviderCallError {
  const e = (error ?? {}) as SdkError;
  const status = typeof e.status === 'number' ? e.status : null;
  const name = e.name ?? '';
  const type =
    status === 429
      ? 'rate_limited'
      : status !== null && status >= 500
        ? 'server_error'
        : status === 401 || status === 403
          ? 'auth'
          : status !== null
            ? 'bad_request'
            : /Timeout/i.test(name)
              ? 'timeout'
              : 'connection';
  return new ProviderCallError(String(e.message ?? error).slice(0, 500), type, status, Math.max(attempts, 1));
}
