import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { forward, upstreamOf } from '../http/gateway-proxy';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem-details';

/** Where the console is served: `/admin` and everything under it that no API route claims. */
export const CONSOLE_PATH = '/admin';

/**
 * The console's own policy: its bundle and styles come from this origin (the component library
 * writes its CSS variables into `<style>` elements, hence inline styles), and its API calls too.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface AdminConsoleOptions {
  /** The build output (`dist/admin`), holding index.html and assets/. */
  readonly directory: string;
  /** A Vite dev server to proxy the console to instead (development). */
  readonly devServerUrl?: string;
  /** How long the dev server may take to answer (ms). */
  readonly timeoutMs?: number;
}

/**
 * Serves the admin console (a single-page app) at `/admin`: a file of the build when the path names
 * one (hashed assets cached for a year), else, to a browser (Accept: text/html), index.html (never
 * cached), so a deep link such as `/admin/reviews/42` loads the app; anything else gets the 404. Some console paths are also API paths (`/admin/messaging`): a
 * browser navigation there (GET asking for text/html) gets the app, a call asking for JSON the API.
 * Without a build the console answers 503 problem+json naming `npm run build`. With
 * `devServerUrl`, console requests are proxied to the Vite dev server instead.
 */
export function serveAdminConsole(fastify: FastifyInstance, options: AdminConsoleOptions): void {
  const handler = options.devServerUrl
    ? proxyToDevServer(fastify, options.devServerUrl, options.timeoutMs ?? 30_000)
    : serveBuild(fastify, options.directory);
  for (const url of [CONSOLE_PATH, `${CONSOLE_PATH}/*`]) {
    fastify.route({ method: ['GET', 'HEAD'], url, handler });
  }
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === CONSOLE_PATH || route === `${CONSOLE_PATH}/*`) return;
    if (isConsoleNavigation(request)) await handler(request, reply);
  });
}

/** A browser loading a page under /admin (not an API call, which asks for JSON). */
export function isConsoleNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = (request.raw.url ?? '/').split('?', 1)[0];
  if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return false;
  return acceptsHtml(request);
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

function proxyToDevServer(fastify: FastifyInstance, devServerUrl: string, timeoutMs: number): Handler {
  const upstream = upstreamOf(devServerUrl);
  fastify.addHook('onClose', (_instance, done) => {
    upstream.agent.destroy();
    done();
  });
  return async (request, reply) => {
    // Vite serves its base (`/admin/`) only: `/admin` itself gets its 404 "did you mean" hint.
    const [path, query] = (request.raw.url ?? '/').split(/\?(.*)/s, 2);
    if (path === CONSOLE_PATH) return reply.redirect(`${CONSOLE_PATH}/${query === undefined ? '' : `?${query}`}`, 308);
    forward(request, reply, upstream, timeoutMs);
    return reply;
  };
}

function serveBuild(fastify: FastifyInstance, directory: string): Handler {
  // Only `reply.sendFile`: which path gets which file is decided below. Not awaited: awaiting would
  // boot the plugin queue now, before the rest of the server (its error handling) is set up.
  void fastify.register(fastifyStatic, { root: directory, serve: false, etag: true, lastModified: true });
  const index = join(directory, 'index.html');
  return async (request, reply) => {
    if (!existsSync(index)) return missingBuild(request, reply);
    void reply.header('content-security-policy', CONSOLE_CSP);
    const file = fileUnder(directory, (request.raw.url ?? '/').split('?', 1)[0].slice(CONSOLE_PATH.length));
    if (file) {
      const hashed = file.startsWith('assets/');
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file, { cacheControl: false });
    }
    // An API call to a path nobody serves gets the API's 404, not the page.
    if (!acceptsHtml(request)) return reply.callNotFound();
    void reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
  };
}

/** The build's file that `path` names (relative, without a leading slash), if there is one. */
function fileUnder(directory: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative === '' || relative === 'index.html' || relative.startsWith('..') || relative.includes(`..${sep}`)) {
    return undefined;
  }
  const full = join(directory, relative);
  try {
    return statSync(full).isFile() ? relative.split(sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}

function missingBuild(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .status(503)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .send(
      JSON.stringify({
        type: problemType('admin-console-not-built'),
        title: 'Service Unavailable',
        status: 503,
        detail: 'The admin console is not built: run `npm run build` (it builds dist/admin).',
        instance: request.raw.url,
        requestId: String(request.id),
      }),
    );
}
