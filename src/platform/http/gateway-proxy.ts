import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Agent as HttpAgent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';

/** Headers that belong to one connection (RFC 9110 §7.6.1) and so are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** One URL prefix the gateway forwards, resolved by the composition root from a module's descriptor. */
export interface ProxyRoute {
  /** First path segment, without slashes: `reviews` routes `/reviews` and `/reviews/...`. */
  readonly prefix: string;
  /** Base URL of the process that hosts the module that serves the prefix. */
  readonly upstream: string;
}

/**
 * A client's trace context (W3C trace context and baggage): never forwarded. The processes behind
 * the gateway continue the trace they are sent (ADR 0119), so it must be the gateway's own, which
 * the HTTP instrumentation adds to the forwarded request when this process traces; a client's
 * would otherwise reach them whenever the gateway itself does not trace.
 */
const CLIENT_TRACE_CONTEXT = new Set(['traceparent', 'tracestate', 'baggage']);

/** A process requests are streamed to, with its own keep-alive connection pool. */
export interface Upstream {
  readonly url: URL;
  readonly agent: HttpAgent;
}

/** An {@link Upstream} for a base URL (http or https); destroy its `agent` when the server closes. */
export function upstreamOf(baseUrl: string): Upstream {
  const url = new URL(baseUrl);
  const agent =
    url.protocol === 'https:'
      ? new HttpsAgent({ keepAlive: true, maxSockets: 128 })
      : new HttpAgent({ keepAlive: true, maxSockets: 128 });
  return { url, agent };
}

/**
 * The gateway (ADR 0005): requests whose first path segment is routed elsewhere are streamed,
 * untouched, to the process that hosts that module; everything else falls through to this
 * process's own routes. It runs as the first `onRequest` hook, before any body parsing, so the
 * bytes a webhook signature covers reach the upstream exactly as the client sent them.
 */
export function registerGatewayProxy(fastify: FastifyInstance, routes: readonly ProxyRoute[], timeoutMs: number): void {
  if (routes.length === 0) return;
  const upstreams = new Map<string, Upstream>();
  for (const route of routes) upstreams.set(route.prefix, upstreamOf(route.upstream));
  fastify.addHook('onClose', (_instance, done) => {
    for (const upstream of upstreams.values()) upstream.agent.destroy();
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const upstream = upstreams.get(firstSegment(request.raw.url ?? '/'));
    if (upstream === undefined) return done();
    forward(request, reply, upstream, timeoutMs);
  });
}

/** `/reviews/42/votes?y` → `reviews`. */
export function firstSegment(url: string): string {
  const path = url.split('?', 1)[0];
  return path.split('/', 2)[1] ?? '';
}

/**
 * Streams one request, untouched, to `upstream` and its answer back (the reply is hijacked); an
 * upstream that fails or does not answer within `timeoutMs` gives a 502 or 504 problem+json.
 */
export function forward(request: FastifyRequest, reply: FastifyReply, upstream: Upstream, timeoutMs: number): void {
  const requestId = String(request.id);
  void reply.hijack();
  const headers = forwardedHeaders(request, requestId);
  const send = upstream.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send({
    protocol: upstream.url.protocol,
    hostname: upstream.url.hostname,
    port: upstream.url.port,
    method: request.raw.method,
    path: request.raw.url,
    headers,
    agent: upstream.agent,
    timeout: timeoutMs,
  });
  outgoing.on('response', (incoming) => {
    reply.raw.writeHead(incoming.statusCode ?? 502, responseHeaders(incoming.headers, requestId));
    incoming.pipe(reply.raw);
    incoming.on('error', () => reply.raw.destroy());
  });
  outgoing.on('timeout', () => outgoing.destroy(new GatewayTimeout()));
  outgoing.on('error', (error) => {
    if (reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    const timedOut = error instanceof GatewayTimeout;
    const status = timedOut ? 504 : 502;
    const body = JSON.stringify({
      type: problemType(timedOut ? 'gateway-timeout' : 'bad-gateway'),
      title: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
      status,
      detail: timedOut
        ? `The service that serves ${firstSegment(request.raw.url ?? '/')} did not answer in time.`
        : `The service that serves ${firstSegment(request.raw.url ?? '/')} is unavailable; try again shortly.`,
      instance: request.raw.url,
      requestId,
    });
    reply.raw.writeHead(status, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': Buffer.byteLength(body),
      'x-request-id': requestId,
      ...(timedOut ? {} : { 'retry-after': '1' }),
    });
    reply.raw.end(body);
  });
  // A client that goes away takes its upstream request with it.
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) outgoing.destroy();
  });
  request.raw.pipe(outgoing);
}

class GatewayTimeout extends Error {}

function forwardedHeaders(request: FastifyRequest, requestId: string): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.raw.headers)) {
    if (!HOP_BY_HOP.has(name) && !CLIENT_TRACE_CONTEXT.has(name)) headers[name] = value;
  }
  const forwardedFor = request.raw.headers['x-forwarded-for'];
  const client = request.raw.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${client}` : client;
  headers['x-forwarded-host'] ??= request.raw.headers.host;
  headers['x-forwarded-proto'] ??= request.protocol;
  // The upstream logs and answers under the same id as this process: one id per client request.
  headers['x-request-id'] = requestId;
  return headers;
}

function responseHeaders(headers: IncomingHttpHeaders, requestId: string): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) forwarded[name] = value;
  }
  forwarded['x-request-id'] = requestId;
  return forwarded;
}
