import { Topology } from '../e2e/support/topology';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';

// ADR 0119: an HTTP request's span says which route it is ("GET /catalog/products/:id", with
// http.route), as Jaeger lists it, not just "GET" for every request of the API.

const SERVER = 2;

describe('HTTP request spans', () => {
  let receiver: OtlpReceiver;
  let topology: Topology;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    topology = await Topology.start('monolith', { env: receiver.env, readyTimeoutMs: 120_000 });
  }, 180_000);
  afterAll(async () => {
    await topology?.stop();
    await receiver?.stop();
  }, 60_000);

  async function serverSpanOf(path: string): Promise<ReceivedSpan> {
    const response = await fetch(`${topology.baseUrl}${path}`);
    await response.text();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const span = receiver.spans.find((s) => s.kind === SERVER && s.attributes['url.path'] === path.split('?')[0]);
      if (span) return span;
      if (Date.now() > deadline) throw new Error(`no server span for ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('are named after the route pattern, not the URL, and carry http.route', async () => {
    const list = await serverSpanOf('/catalog/products');
    expect(list.name).toBe('GET /catalog/products');
    expect(list.attributes['http.route']).toBe('/catalog/products');

    const one = await serverSpanOf('/catalog/products/01a22961-a045-71ab-a972-7a37a5c5aba8');
    expect(one.name).toMatch(/^GET \/catalog\/products\/:[a-zA-Z]+$/);
    expect(one.attributes['http.route']).toBe(one.name.slice('GET '.length));
  });

  it('keep the names of query parameters but never their values (emails, tokens)', async () => {
    const listed = await serverSpanOf('/accounts/users?email=victim%40example.com&token=SECRET-123');
    const stray = await serverSpanOf('/no-such-place?to=victim%40example.com');
    for (const span of [listed, stray]) {
      expect(JSON.stringify(span.attributes)).not.toMatch(/victim|SECRET-123/);
    }
    expect(listed.attributes['url.query']).toMatch(/^email=[^&]*&token=/);
  });

  it('keep the method alone for a request no route matches (no raw URL in the name)', async () => {
    const none = await serverSpanOf('/no-such-route/12345');
    expect(none.name).toBe('GET');
    expect(none.attributes['http.route']).toBeUndefined();
  });
});
