import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config';

/**
 * Header of a request the gateway fans out to an upstream: the upstream answers for the modules it
 * hosts only, and never fans out again (no loops between processes that route to each other).
 */
export const FAN_OUT_HEADER = 'x-arcade-fan-out';

/** One upstream's answer: its status and JSON body, or why it could not be asked. */
export type UpstreamAnswer<T> =
  | { readonly upstream: string; readonly status: number; readonly body: T }
  | { readonly upstream: string; readonly error: string };

/**
 * The processes this one routes modules to (`GATEWAY_ROUTES`), asked on behalf of an admin: the
 * messaging admin of a gateway covers the modules of every process, not only its own. The caller's
 * bearer token is forwarded (the processes share one signing key); each request is bounded by the
 * gateway's timeout; a redirect is not followed.
 */
@Injectable()
export class MessagingUpstreams {
  /** Distinct upstream origins, in the order of `GATEWAY_ROUTES`. */
  readonly origins: readonly string[];
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.origins = [...new Set(config.gateway.routes.map((route) => new URL(route.upstream).origin))];
    this.timeoutMs = config.gateway.timeoutMs;
  }

  /** Sends one request to every upstream at once; never throws (an unreachable one is an `error`). */
  ask<T>(method: 'GET' | 'POST', path: string, authorization: string | undefined, body?: unknown) {
    return Promise.all(this.origins.map((origin) => this.one<T>(origin, method, path, authorization, body)));
  }

  /** Sends one request to one upstream. */
  async one<T>(
    origin: string,
    method: 'GET' | 'POST',
    path: string,
    authorization: string | undefined,
    body?: unknown,
  ): Promise<UpstreamAnswer<T>> {
    try {
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: {
          [FAN_OUT_HEADER]: '1',
          ...(authorization ? { authorization } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
        // A redirect is an answer (reported as its status), never followed: the admin's token and
        // the ids to replay go to the configured upstreams only.
        redirect: 'manual',
      });
      const text = await response.text();
      return { upstream: origin, status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    } catch (error) {
      return { upstream: origin, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
