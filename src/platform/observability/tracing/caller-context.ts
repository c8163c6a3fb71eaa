import type { Span } from '@opentelemetry/api';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { linkTo, TraceCarrier } from './spans';

/** The headers a caller propagates its context in (W3C trace context and baggage). */
const CALLER_HEADERS = ['traceparent', 'tracestate', 'baggage'] as const;

/** The `arcade.link` of the link from a request's new trace to its caller's span. */
export const CALLER_LINK = 'caller';

/** Callers' contexts put aside by {@link setCallerContextAside}, until the request's span links them. */
const callers = new WeakMap<IncomingMessage, TraceCarrier>();

/**
 * For the process that faces the public (ADR 0119): takes the caller's trace context off an
 * incoming request before the HTTP instrumentation reads it, so that the request starts a new root
 * trace whose sampling this process decides (a caller cannot pick a trace id nor force sampling);
 * the context is kept for {@link linkCallerContext}. Called from the instrumentation's
 * `startIncomingSpanHook` (which runs before it extracts the context).
 */
export function setCallerContextAside(request: IncomingMessage): void {
  const { traceparent, tracestate } = request.headers;
  if (typeof traceparent === 'string') {
    callers.set(request, typeof tracestate === 'string' ? { traceparent, tracestate } : { traceparent });
  }
  for (const name of CALLER_HEADERS) delete request.headers[name];
}

/**
 * Links a request's new span to the caller's span put aside by {@link setCallerContextAside}
 * (`arcade.link=caller`), so that the caller's own trace still leads to it. Used as the
 * instrumentation's `requestHook`; nothing for outgoing requests or a caller without a valid
 * `traceparent`.
 */
export function linkCallerContext(span: Span, request: IncomingMessage | ClientRequest): void {
  const link = linkTo(callers.get(request as IncomingMessage), { 'arcade.link': CALLER_LINK });
  if (link) span.addLink(link);
}
