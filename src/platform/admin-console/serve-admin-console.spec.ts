import Fastify, { FastifyInstance } from 'fastify';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CSP, serveAdminConsole } from './serve-admin-console';

const HTML = { accept: 'text/html,application/xhtml+xml' };

/** A server with the console and one API route under /admin, as the app has. */
async function serverWith(options: Parameters<typeof serveAdminConsole>[1]): Promise<FastifyInstance> {
  const fastify = Fastify();
  fastify.get('/admin/messaging', async () => ({ api: true }));
  serveAdminConsole(fastify, options);
  await fastify.ready();
  return fastify;
}

describe('the admin console at /admin', () => {
  let build: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    build = mkdtempSync(join(tmpdir(), 'admin-build-'));
    mkdirSync(join(build, 'assets'));
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(build, 'assets', 'index-abc123.js'), 'console.log(1)');
    fastify = await serverWith({ directory: build });
  });
  afterAll(async () => {
    await fastify.close();
    rmSync(build, { recursive: true, force: true });
  });

  it.each(['/admin', '/admin/', '/admin/orders/xyz', '/admin/orders/xyz?tab=saga'])(
    'answers %s with index.html, never cached, under the console policy',
    async (url) => {
      const response = await fastify.inject({ url, headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(response.body).toContain('<title>console</title>');
    },
  );

  it('serves a hashed asset with a year-long cache', async () => {
    const response = await fastify.inject({ url: '/admin/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log(1)');
  });

  it('never serves a file outside the build', async () => {
    const response = await fastify.inject({ url: '/admin/..%2f..%2fetc%2fpasswd', headers: HTML });
    expect(response.body).toContain('<title>console</title>');
    expect(response.body).not.toContain('root:');
  });

  it('gives a browser navigating to an API path the console, and an API call the API', async () => {
    const page = await fastify.inject({ url: '/admin/messaging', headers: HTML });
    expect(page.body).toContain('<title>console</title>');
    const call = await fastify.inject({ url: '/admin/messaging', headers: { accept: 'application/json' } });
    expect(call.json()).toEqual({ api: true });
  });

  it('gives an API call to a path nobody serves the 404, not the page', async () => {
    const response = await fastify.inject({ url: '/admin/nothing-here', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<title>console</title>');
  });

  it('answers 503 problem+json naming npm run build when there is no build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'admin-none-'));
    const unbuilt = await serverWith({ directory: join(empty, 'admin') });
    try {
      for (const url of ['/admin', '/admin/orders/xyz']) {
        const response = await unbuilt.inject({ url, headers: HTML });
        expect(response.statusCode).toBe(503);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({
          status: 503,
          type: '/problems/admin-console-not-built',
          detail: expect.stringContaining('npm run build'),
        });
      }
    } finally {
      await unbuilt.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the admin console proxied to a dev server', () => {
  let devServer: Server;
  let fastify: FastifyInstance;
  const seen: string[] = [];

  beforeAll(async () => {
    devServer = createServer((request, response) => {
      seen.push(request.url!);
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<title>vite</title>');
    });
    devServer.listen(0, '127.0.0.1');
    await once(devServer, 'listening');
    const { port } = devServer.address() as { port: number };
    fastify = await serverWith({ directory: '/nonexistent', devServerUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await fastify.close();
    devServer.close();
  });

  it('forwards console paths with their /admin base, and leaves API calls to the API', async () => {
    const page = await fastify.inject({ url: '/admin/src/main.tsx' });
    expect(page.body).toBe('<title>vite</title>');
    const navigation = await fastify.inject({ url: '/admin/messaging', headers: HTML });
    expect(navigation.body).toBe('<title>vite</title>');
    expect(seen).toEqual(['/admin/src/main.tsx', '/admin/messaging']);
    const call = await fastify.inject({ url: '/admin/messaging', headers: { accept: 'application/json' } });
    expect(call.json()).toEqual({ api: true });
  });

  it('redirects /admin to /admin/, the dev server’s base (Vite answers /admin with a 404 hint)', async () => {
    seen.length = 0;
    const bare = await fastify.inject({ url: '/admin', headers: HTML });
    expect(bare.statusCode).toBe(308);
    expect(bare.headers.location).toBe('/admin/');
    const withQuery = await fastify.inject({ url: '/admin?from=2026-11-30', headers: HTML });
    expect(withQuery.headers.location).toBe('/admin/?from=2026-11-30');
    expect(seen).toEqual([]);
  });
});
