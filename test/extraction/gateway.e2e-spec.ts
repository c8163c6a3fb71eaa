import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { freePort } from '../support/app-process';
import { ReservedPort, reservePort } from '../support/reserved-port';
import { createTestApp, TestApp } from '../support/test-app';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** The gateway of a process that hosts catalog only and routes /payments to another process. */
describe('gateway: a URL prefix routed to the process that hosts it', () => {
  let upstream: Server;
  let seen: Seen[];
  let t: TestApp;
  let base: string;
  // Reserved, not merely free at one instant: no other listener on the machine can be handed it.
  let deadPort: ReservedPort;

  beforeAll(async () => {
    seen = [];
    upstream = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      request.on('end', () => {
        seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        response.writeHead(request.url === '/payments/missing' ? 404 : 201, {
          'content-type': 'application/json',
          'x-upstream': 'payments',
        });
        response.end(JSON.stringify({ echoed: body.length }));
      });
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const { port } = upstream.address() as { port: number };
    deadPort = await reservePort();
    t = await createTestApp({
      modules: ['catalog'],
      env: {
        GATEWAY_ROUTES: `payments=http://127.0.0.1:${port},recommendations=http://127.0.0.1:${deadPort.port}`,
      },
    });
    const listenPort = await freePort();
    await t.app.listen({ port: listenPort, host: '127.0.0.1' });
    base = `http://127.0.0.1:${listenPort}`;
  });

  afterAll(async () => {
    await t?.close();
    upstream?.close();
    deadPort?.release();
  });

  it('serves the admin console itself (the console calls the API on this same origin)', async () => {
    const page = await fetch(`${base}/admin/orders/xyz`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('forwards method, path, query, the exact body bytes and the caller headers', async () => {
    // Odd spacing and a non-ASCII byte: a re-serialized body would break a webhook signature.
    const raw = '{"type":"payment.captured",  "id":"evt_1","note":"Ã©"}';
    const response = await fetch(`${base}/payments/webhooks/sandbox?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer abc',
        'x-request-id': 'req-gateway-1',
        'arcade-signature': 't=1,v1=deadbeef',
      },
      body: raw,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-upstream')).toBe('payments');
    expect(response.headers.get('x-request-id')).toBe('req-gateway-1');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/payments/webhooks/sandbox?x=1' });
    expect(Buffer.from(request.body, 'latin1').equals(Buffer.from(raw))).toBe(true);
    expect(request.headers).toMatchObject({
      authorization: 'Bearer abc',
      'x-request-id': 'req-gateway-1',
      'arcade-signature': 't=1,v1=deadbeef',
      'x-forwarded-for': '127.0.0.1',
    });
  });

  it('never forwards a client’s trace context: the process behind continues only the gateway’s trace (ADR 0119)', async () => {
    const response = await fetch(`${base}/payments/webhooks/sandbox`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        tracestate: 'vendor=client',
        baggage: 'user=someone',
      },
      body: '{}',
    });
    expect(response.status).toBe(201);
    const { headers } = seen.at(-1)!;
    expect([headers.traceparent, headers.tracestate, headers.baggage]).toEqual([undefined, undefined, undefined]);
  });

  it('passes the upstream status through and routes the bare prefix too', async () => {
    const missing = await fetch(`${base}/payments/missing`);
    expect(missing.status).toBe(404);
    const bare = await fetch(`${base}/payments?orderId=o1`);
    expect(bare.status).toBe(201);
    expect(seen.at(-1)!.url).toBe('/payments?orderId=o1');
  });

  it('serves every other prefix locally, and does not mistake a longer segment for a routed one', async () => {
    const before = seen.length;
    const local = await fetch(`${base}/catalog/products`);
    expect(local.status).toBe(200);
    const lookalike = await fetch(`${base}/paymentsx`);
    expect(lookalike.status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it('answers 502 problem+json when the upstream is down', async () => {
    const response = await fetch(`${base}/recommendations/popular`, { headers: { 'x-request-id': 'req-down' } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 502, title: 'Bad Gateway', requestId: 'req-down' });
  });
});
