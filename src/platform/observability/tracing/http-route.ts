import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';
import { annotateActiveSpan, tracingEnabled } from './spans';

/**
 * Names each HTTP request's server span after its route pattern (`GET /catalog/products/:id`)
 * and sets `http.route`, as the HTTP semantic conventions ask: the `http` instrumentation alone
 * knows only the method, so every request of the API would be a span called `GET` or `POST`.
 * A request no route matches keeps the method alone (never the raw URL: unbounded names).
 * Nothing is registered with tracing off.
 */
export function nameHttpSpansByRoute(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions?.url;
    if (route) annotateActiveSpan({ [ATTR_HTTP_ROUTE]: route }, `${request.method} ${route}`);
    done();
  });
}
