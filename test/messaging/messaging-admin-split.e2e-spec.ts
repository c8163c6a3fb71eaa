import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { ModuleDataSources } from '../../src/platform/database';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Issue 23: in the split topology the process that routes modules elsewhere (the gateway) answers
 * the messaging admin for every module: it asks each upstream and merges what they host.
 */
describe('messaging admin through a gateway: every process’s modules in one answer (real PostgreSQL)', () => {
  let upstream: TestApp;
  let gateway: TestApp;
  let origin: string;

  beforeAll(async () => {
    upstream = await createTestApp({ modules: ['payments'] });
    await upstream.app.listen({ port: 0, host: '127.0.0.1' });
    const address = upstream.app.getHttpServer().address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
    gateway = await createTestApp({ modules: ['catalog'], env: { GATEWAY_ROUTES: `payments=${origin}` } });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  /** Parks a message in the upstream's payments outbox as a dead letter, as its relay would after its attempts. */
  const parkInUpstream = async (): Promise<string> => {
    const id = randomUUID();
    await upstream.app
      .get(ModuleDataSources)
      .get('payments')!
      .query(
        `INSERT INTO outbox (id, kind, type, correlation_id, body, status, attempts, last_error, available_at)
         VALUES ($1::uuid, 'event', 'payments.Probe.v1', $1::text, '{"payload":{"probe":true}}', 'dead', 10, 'boom', now() + interval '1 hour')`,
        [id],
      );
    return id;
  };

  it('lists the modules and dead letters of the upstream beside its own, and replays there', async () => {
    const admin = bearer(gateway.app, ['admin']);
    const dead = await parkInUpstream();

    const overview = await gateway.app.inject({ method: 'GET', url: '/admin/messaging', headers: admin });
    expect(overview.statusCode).toBe(200);
    const body = overview.json() as {
      modules: { module: string; host: string; deadLetters: number }[];
      upstreams: { upstream: string; reachable: boolean }[];
    };
    expect(body.modules.find((m) => m.module === 'catalog')).toMatchObject({ host: 'this-process' });
    expect(body.modules.find((m) => m.module === 'payments')).toMatchObject({ host: origin, deadLetters: 1 });
    expect(body.upstreams).toEqual([{ upstream: origin, reachable: true }]);

    const listed = await gateway.app.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id: dead,
        module: 'payments',
        host: origin,
        lastError: 'boom',
        payload: { payload: { probe: true } },
      }),
    ]);

    // A message by its id, found in the upstream's payments outbox.
    const found = await gateway.app.inject({ method: 'GET', url: `/admin/messaging/messages/${dead}`, headers: admin });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({
      id: dead,
      module: 'payments',
      type: 'payments.Probe.v1',
      status: 'dead',
      attempts: 10,
      lastError: 'boom',
      deliveredAt: null,
      host: origin,
    });

    const replayed = await gateway.app.inject({
      method: 'POST',
      url: `/admin/messaging/dead-letters/${dead}/replay`,
      headers: admin,
    });
    expect(replayed.statusCode).toBe(202);
    expect(replayed.json()).toEqual({ id: dead, module: 'payments', status: 'pending' });

    const another = await parkInUpstream();
    const unknown = randomUUID();
    const many = await gateway.app.inject({
      method: 'POST',
      url: '/admin/messaging/dead-letters/replay',
      headers: admin,
      payload: { ids: [another, unknown] },
    });
    expect(many.statusCode).toBe(200);
    expect(many.json().results).toEqual([
      { id: another, outcome: 'pending', module: 'payments' },
      { id: unknown, outcome: 'not_found' },
    ]);
    const missing = await gateway.app.inject({
      method: 'POST',
      url: `/admin/messaging/dead-letters/${unknown}/replay`,
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('says which upstream did not answer, and still answers for the others', async () => {
    const lonely = await createTestApp({
      modules: ['catalog'],
      env: { GATEWAY_ROUTES: 'payments=http://127.0.0.1:9' },
    });
    try {
      const overview = await lonely.app.inject({
        method: 'GET',
        url: '/admin/messaging',
        headers: bearer(lonely.app, ['admin']),
      });
      expect(overview.statusCode).toBe(200);
      expect(overview.json().upstreams).toEqual([
        { upstream: 'http://127.0.0.1:9', reachable: false, error: expect.any(String) },
      ]);
      expect(overview.json().modules.map((m: { module: string }) => m.module)).toEqual(['catalog']);
    } finally {
      await lonely.close();
    }
  });

  it('treats an upstream answering 200 with something else than the messaging admin as not answering, never a 500', async () => {
    // Another service behind a mistaken route, a proxy's stub, or an older process: 200 and a JSON body of another shape.
    const bodies = [
      '{}',
      '{"modules":"x","items":{"length":1},"results":7}',
      '[]',
      'null',
      '"text"',
      '{"modules":[null],"items":[1]}',
    ];
    for (const text of bodies) {
      const stranger: Server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(text);
      }).listen(0, '127.0.0.1');
      await once(stranger, 'listening');
      const strangerOrigin = `http://127.0.0.1:${(stranger.address() as { port: number }).port}`;
      const app = await createTestApp({ modules: ['catalog'], env: { GATEWAY_ROUTES: `payments=${strangerOrigin}` } });
      try {
        const admin = bearer(app.app, ['admin']);
        const overview = await app.app.inject({ method: 'GET', url: '/admin/messaging', headers: admin });
        expect([text, overview.statusCode]).toEqual([text, 200]);
        expect(overview.json().upstreams).toEqual([
          { upstream: strangerOrigin, reachable: false, error: expect.any(String) },
        ]);
        expect(overview.json().modules.map((m: { module: string }) => m.module)).toEqual(['catalog']);

        const listed = await app.app.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
        expect([text, listed.statusCode, listed.json().items]).toEqual([text, 200, []]);

        const id = randomUUID();
        const many = await app.app.inject({
          method: 'POST',
          url: '/admin/messaging/dead-letters/replay',
          headers: admin,
          payload: { ids: [id] },
        });
        expect([text, many.statusCode, many.json().results]).toEqual([text, 200, [{ id, outcome: 'not_found' }]]);
      } finally {
        await app.close();
        stranger.close();
      }
    }
  });

  it('answers within the gateway timeout when an upstream hangs, before or in the middle of its answer', async () => {
    const hanging: Server = createServer((request, response) => {
      // Half of the calls get their headers and the start of a body, then nothing more.
      if (request.url?.includes('dead-letters'))
        response.writeHead(200, { 'content-type': 'application/json' }).write('{"items":[');
    }).listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    const hangingOrigin = `http://127.0.0.1:${(hanging.address() as { port: number }).port}`;
    const app = await createTestApp({
      modules: ['catalog'],
      env: { GATEWAY_ROUTES: `payments=${hangingOrigin}`, GATEWAY_TIMEOUT_MS: '300' },
    });
    try {
      const admin = bearer(app.app, ['admin']);
      const overview = await app.app.inject({ method: 'GET', url: '/admin/messaging', headers: admin });
      expect(overview.statusCode).toBe(200);
      expect(overview.json().upstreams).toEqual([
        { upstream: hangingOrigin, reachable: false, error: expect.any(String) },
      ]);
      const listed = await app.app.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
      expect([listed.statusCode, listed.json().items]).toEqual([200, []]);
      const id = randomUUID();
      const replayed = await app.app.inject({
        method: 'POST',
        url: `/admin/messaging/dead-letters/${id}/replay`,
        headers: admin,
      });
      expect(replayed.statusCode).toBe(404);
    } finally {
      await app.close();
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it('never follows an upstream’s redirect: the fan-out (the admin’s token, the ids to replay) goes to configured upstreams only', async () => {
    const elsewhere: string[] = [];
    const foreign: Server = createServer((request, response) => {
      elsewhere.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }).listen(0, '127.0.0.1');
    await once(foreign, 'listening');
    // `localhost` is another origin than `127.0.0.1`, as another host would be.
    const foreignOrigin = `http://localhost:${(foreign.address() as { port: number }).port}`;
    const redirecting: Server = createServer((request, response) => {
      response.writeHead(307, { location: `${foreignOrigin}${request.url}` }).end();
    }).listen(0, '127.0.0.1');
    await once(redirecting, 'listening');
    const redirectingOrigin = `http://127.0.0.1:${(redirecting.address() as { port: number }).port}`;
    const app = await createTestApp({ modules: ['catalog'], env: { GATEWAY_ROUTES: `payments=${redirectingOrigin}` } });
    try {
      const admin = bearer(app.app, ['admin']);
      const overview = await app.app.inject({ method: 'GET', url: '/admin/messaging', headers: admin });
      expect(overview.json().upstreams).toEqual([
        { upstream: redirectingOrigin, reachable: false, error: 'answered 307' },
      ]);
      const many = await app.app.inject({
        method: 'POST',
        url: '/admin/messaging/dead-letters/replay',
        headers: admin,
        payload: { ids: [randomUUID()] },
      });
      expect(many.statusCode).toBe(200);
      expect(elsewhere).toEqual([]);
    } finally {
      await app.close();
      redirecting.close();
      foreign.close();
    }
  });

  it('reports a module whose database does not answer as down, and the others as usual', async () => {
    const app = await createTestApp({ modules: ['catalog', 'cart'] });
    try {
      // The cart module's pool goes away, as when its own database server is down.
      await app.app.get(ModuleDataSources).get('cart')!.destroy();
      const overview = await app.app.inject({
        method: 'GET',
        url: '/admin/messaging',
        headers: bearer(app.app, ['admin']),
      });
      expect(overview.statusCode).toBe(200);
      const modules = overview.json().modules as { module: string; database: string; pending: number | null }[];
      expect(modules.find((m) => m.module === 'cart')).toMatchObject({
        database: 'down',
        pending: null,
        error: expect.any(String),
      });
      expect(modules.find((m) => m.module === 'catalog')).toMatchObject({
        database: 'up',
        pending: expect.any(Number),
      });
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('lists and replays the dead letters of the modules whose database answers when another one is down', async () => {
    const app = await createTestApp({ modules: ['catalog', 'cart'] });
    try {
      const sources = app.app.get(ModuleDataSources);
      // The module asked first goes down; the dead letter waits in the other one.
      const [[down], [up, upSource]] = sources.entries();
      const id = randomUUID();
      await upSource.query(
        `INSERT INTO outbox (id, kind, type, correlation_id, body, status, attempts, last_error, available_at)
         VALUES ($1::uuid, 'event', 'probe.Parked.v1', $1::text, '{}', 'dead', 10, 'boom', now() + interval '1 hour')`,
        [id],
      );
      await sources.get(down)!.destroy();
      const admin = bearer(app.app, ['admin']);

      const listed = await app.app.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items).toEqual([expect.objectContaining({ id, module: up })]);

      const replayed = await app.app.inject({
        method: 'POST',
        url: `/admin/messaging/dead-letters/${id}/replay`,
        headers: admin,
      });
      expect([replayed.statusCode, replayed.json()]).toEqual([202, { id, module: up, status: 'pending' }]);
      const many = await app.app.inject({
        method: 'POST',
        url: '/admin/messaging/dead-letters/replay',
        headers: admin,
        payload: { ids: [id] },
      });
      // Put back in line already: no longer a dead letter where it was, but it might be one in the module that is down.
      expect([many.statusCode, many.json().results]).toEqual([
        200,
        [{ id, outcome: 'failed', module: down, error: expect.stringContaining(down) }],
      ]);
      const single = await app.app.inject({
        method: 'POST',
        url: `/admin/messaging/dead-letters/${id}/replay`,
        headers: admin,
      });
      expect([single.statusCode, single.json().type]).toEqual([503, '/problems/dead-letters-unreachable']);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
