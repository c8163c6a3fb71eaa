import { Attributes } from '@opentelemetry/api';
import { ATTR_HTTP_ROUTE, ATTR_URL_QUERY } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';
import { annotateActiveSpan, tracingEnabled } from './spans';

/** What a query parameter's value becomes on a span (the instrumentation's own word for it). */
export const REDACTED = 'REDACTED';

/**
 * `url.query` with every value replaced by {@link REDACTED}, names kept: query strings carry
 * customers' addresses (`?email=`, `?to=`) and could carry
 * tokens, and a trace store is not where they belong (ADR 0119).
 */
export function redactedQuery(query: string): string {
  return [...new URLSearchParams(query).keys()].map((name) => `${encodeURIComponent(name)}=${REDACTED}`).join('&');
}

/**
 * `url` with its query's values replaced by {@link REDACTED} (see {@link redactedQuery}) and its
 * fragment dropped; a URL without a query unchanged.
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const hash = url.indexOf('#', at);
  return `${url.slice(0, at)}?${redactedQuery(url.slice(at + 1, hash < 0 ? undefined : hash))}`;
}

/**
 * The `url.query` of an incoming request's server span, without values (see {@link redactedQuery});
 * none for a request without a query. Given to the HTTP instrumentation (`startIncomingSpanHook`),
 * so that it holds for every request, the ones the gateway forwards before any route runs too.
 */
export function incomingQueryAttributes(url: string | undefined): Attributes {
  const at = url?.indexOf('?') ?? -1;
  return at >= 0 ? { [ATTR_URL_QUERY]: redactedQuery(url!.slice(at + 1)) } : {};
}

/**
 * Describes each HTTP request's server span: named after its route pattern
 * (`GET /things/:id`) with `http.route`, as the HTTP semantic conventions ask (the
 * `http` instrumentation alone knows only the method, so every request of the API would be a span
 * called `GET` or `POST`; a request no route matches keeps the method alone, never the raw URL).
 * (Its `url.query` is redacted by {@link incomingQueryAttributes}.) Nothing is registered with
 * tracing off.
 */
export function nameHttpSpansByRoute(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', (request, _reply, done) => {
    const attributes: Attributes = {};
    const route = request.routeOptions?.url;
    if (route) attributes[ATTR_HTTP_ROUTE] = route;
    annotateActiveSpan(attributes, route ? `${request.method} ${route}` : undefined);
    done();
  });
}
