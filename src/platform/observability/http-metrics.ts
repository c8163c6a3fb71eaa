import { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The process-wide Prometheus registry; modules add their own metrics to it. */
export const metricsRegistry = new Registry();
// The event-loop delay is sampled every 100 ms, not prom-client's default 10 ms: a timer firing 100
// times a second cost ~3 ms/s of CPU in an idle process (issue 24's budget is 10), and the lag
// percentiles it reports need no finer sampling.
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 100 });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Times every request by its route pattern (not its raw URL, to keep label cardinality bounded). */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
