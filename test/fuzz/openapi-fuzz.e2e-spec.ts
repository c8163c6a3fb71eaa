import { randomUUID } from 'node:crypto';
import { Shop } from '../support/shop';
import { Headers } from '../support/shop-steps';
import { TestApp } from '../support/test-app';
import { FuzzFixtures, makeFixtures, startFuzzApp, webhookSignature } from './fuzz-shop';
import { BODY_VALUES, FIELD_VALUES, PATH_VALUES, QUERY_VALUES } from './hostile-values';
import {
  FieldPath,
  fieldPathsOf,
  FuzzOperation,
  OpenApiDocument,
  operationsOf,
  Parameter,
  sampleOf,
} from './openapi-operations';

/** One hostile request: what it is (for the failure list) and what is sent. */
interface Probe {
  readonly label: string;
  readonly method: FuzzOperation['method'];
  readonly url: string;
  readonly headers: Headers;
  readonly payload?: string;
  /** Send it with the admin's and the customer's token, or two spare customers' (webhooks: with none). */
  readonly as: 'admin and customer' | 'spare customers' | 'anonymous';
  /** The operation (`POST /carts/{id}/items`), whose documented responses must include the answer… */
  readonly operation: string;
  /** …unless the probe is outside its contract (a body sent to a route that takes none). */
  readonly documented: boolean;
}

const MARKER_VALUE = '~~hostile value~~';
const MARKER = JSON.stringify(MARKER_VALUE);
const HOSTILE_HEADERS = ['', ' ', 'x'.repeat(2000), 'a b', '\u00ff\u00fe'];
const CONCURRENCY = 4;
/**
 * Operations that may validly end the caller's sessions (a probe such as `everywhere: true` is
 * valid input): spare customers take their probes, so the fixtures' tokens stay valid.
 */
const ENDS_SESSIONS = [
  'POST /accounts/logout',
  'POST /accounts/logout-all',
  'POST /accounts/me/password',
  'POST /accounts/password/reset',
];
/** Operations whose example passes validation but is then refused for a secret no document holds. */
const NEEDS_A_SECRET: Readonly<Record<string, string>> = {
  'POST /accounts/password/reset': 'token',
  'POST /accounts/me/password': 'currentPassword',
};

/**
 * Reads the full app's OpenAPI document and sends every operation a catalogue of hostile values,
 * in every path parameter, query parameter, header and body field, with real admin and customer
 * tokens. Whatever the input, the answer must be a 4xx problem document or a success: a 5xx is a
 * bug (issue 15), as is an error that is not application/problem+json.
 */
describe('OpenAPI fuzz: no client input causes a 5xx', () => {
  let t: TestApp;
  let shop: Shop;
  let fixtures: FuzzFixtures;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await startFuzzApp();
    shop = new Shop(t.app);
    fixtures = await makeFixtures(shop);
    document = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => t.close());

  it('documents the webhook routes, so they are fuzzed too', () => {
    expect(Object.keys(document.paths)).toContain('/payments/webhooks/{provider}');
  });

  it('answers every hostile request with a 4xx problem or a success, never a 5xx', async () => {
    const probes = operationsOf(document).flatMap((operation) => probesOf(operation));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const undocumented = new Set<string>();
    let sent = 0;
    const started = Date.now();
    await runAll(probes, async (probe) => {
      const auths = {
        'admin and customer': [fixtures.admin, fixtures.customer],
        'spare customers': fixtures.spare,
        anonymous: [{}],
      }[probe.as];
      for (const [index, auth] of auths.entries()) {
        const response = await t.app.inject({
          method: probe.method,
          url: probe.url,
          headers: { ...probe.headers, ...auth },
          ...(probe.payload === undefined ? {} : { payload: probe.payload }),
        });
        sent += 1;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const who = probe.as === 'admin and customer' ? (index === 0 ? 'admin' : 'customer') : probe.as;
        const problem = String(response.headers['content-type'] ?? '').startsWith('application/problem+json');
        if (response.statusCode >= 500 || (response.statusCode >= 400 && !problem)) {
          failures.push(`${who} ${probe.label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
        if (probe.documented && !documentedStatuses(probe.operation).includes(String(response.statusCode))) {
          undocumented.add(`${probe.operation} answers ${response.statusCode} (e.g. ${probe.label.split(': ')[1]})`);
        }
      }
    });
    const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.log(
      `OpenAPI fuzz: ${operationsOf(document).length} operations, ${sent} requests in ${Date.now() - started} ms; ` +
        `statuses ${counts.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect([...undocumented].sort()).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 480_000); // every operation of every module: ~15k requests, minutes on a busy 2-core machine (the load of five engineers' suites timed out 240 s)

  it('leaves the tokens and the fixtures working (the fuzz reached the handlers as those users)', async () => {
    expect((await shop.request('GET', '/accounts/me', fixtures.customer)).status).toBe(200);
    expect((await shop.request('GET', '/accounts/users', fixtures.admin)).status).toBe(200);
    expect((await shop.request('GET', `/orders/${fixtures.orderId}`, fixtures.customer)).status).toBe(200);
  });

  // The probes change one field of an example body at a time: the examples must pass validation,
  // or every probe would be refused for another field and the fuzz would reach no handler.
  it("sends examples that pass validation (so each probe's one hostile field is what is judged)", async () => {
    const refused: string[] = [];
    for (const operation of operationsOf(document)) {
      if (operation.path.includes('/webhooks/')) continue;
      for (const schema of operation.bodies) {
        const ids = Object.fromEntries(Object.keys(known()).map((name) => [name, randomUUID()]));
        const body = sampleOf(document, schema, '', { ...ids, categoryIds: [fixtures.categoryId] });
        const path = unknownIds(pathValuesOf(operation));
        const target = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name]);
        const response = await t.app.inject({
          method: operation.method,
          url: target,
          headers: { ...fixtures.admin, 'idempotency-key': randomUUID() },
          payload: body as object,
        });
        if (response.statusCode !== 400) continue;
        const fields = ((response.json().errors ?? []) as { field: string }[]).map((e) => e.field);
        const secret = NEEDS_A_SECRET[`${operation.method} ${operation.path}`];
        if (!(fields.length === 1 && fields[0] === secret)) {
          refused.push(`${operation.method} ${operation.path}: ${response.body.slice(0, 300)}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  function probesOf(operation: FuzzOperation): Probe[] {
    const webhook = operation.path.includes('/webhooks/');
    if (!webhook) return probesFor(operation, pathValuesOf(operation), {});
    return ['sandbox', 'stripe'].flatMap((provider) => probesFor(operation, { provider }, { provider }));
  }

  /** The probes of one operation; for a webhook, unsigned and signed with the provider's secret. */
  function probesFor(
    operation: FuzzOperation,
    pathValues: Record<string, string>,
    webhook: { provider?: string },
  ): Probe[] {
    const params = (where: Parameter['in']) => operation.parameters.filter((p) => p.in === where);
    const baseQuery = Object.fromEntries(
      params('query')
        .filter((p) => p.required)
        .map((p) => [p.name, String(sampleOf(document, p.schema ?? {}, p.name, known()))]),
    );
    const url = (path: Record<string, string>, query: string = queryString(baseQuery)) =>
      operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name]) + (query ? `?${query}` : '');
    const baseHeaders: Headers = Object.fromEntries(
      params('header')
        .filter((p) => p.required)
        .map((p) => [p.name.toLowerCase(), randomUUID()]),
    );
    const baseBody = operation.bodies[0] && sampleOf(document, operation.bodies[0], '', known());
    const bodyText = baseBody === undefined ? undefined : JSON.stringify(baseBody);
    const operationKey = `${operation.method} ${operation.path}`;
    const probe = (
      label: string,
      target: string,
      payload = bodyText,
      contentType = 'application/json',
      documented = true,
    ): Probe[] => {
      const headers = { ...baseHeaders, ...(payload === undefined ? {} : { 'content-type': contentType }) };
      const one = (signed: boolean): Probe => ({
        label: `${operation.method} ${operation.path}${signed ? ' (signed)' : ''}: ${label}`,
        method: operation.method,
        url: target,
        headers: signed ? { ...headers, ...webhookSignature(webhook.provider ?? '', payload ?? '') } : headers,
        payload,
        as: webhook.provider
          ? 'anonymous'
          : ENDS_SESSIONS.includes(operationKey)
            ? 'spare customers'
            : 'admin and customer',
        operation: operationKey,
        documented,
      });
      return webhook.provider === undefined ? [one(false)] : [one(false), one(true)];
    };

    const probes: Probe[] = [];
    for (const param of params('path')) {
      for (const value of PATH_VALUES) {
        probes.push(...probe(`path ${param.name}=${value.slice(0, 40)}`, url({ ...pathValues, [param.name]: value })));
      }
    }
    for (const param of params('query')) {
      const others = (q: string) =>
        [queryString({ ...baseQuery, [param.name]: undefined }), q].filter((part) => part !== '').join('&');
      const forms = [
        ...QUERY_VALUES.map((value) => `${param.name}=${value}`),
        `${param.name}=1&${param.name}=2`,
        `${param.name}[a]=1`,
        `${param.name}[]=1`,
      ];
      for (const form of forms) probes.push(...probe(`query ${form.slice(0, 40)}`, url(pathValues, others(form))));
    }
    for (const param of params('header')) {
      if (/signature/i.test(param.name)) continue;
      for (const value of HOSTILE_HEADERS) {
        const target = url(pathValues);
        const [p] = probe(`header ${param.name}=${value.slice(0, 20)}`, target);
        probes.push({ ...p, headers: { ...p.headers, [param.name.toLowerCase()]: value } });
      }
    }
    if (operation.method !== 'GET') {
      // A route without a body ignores one: it gets ids that match nothing, so an accepted body changes nothing.
      const takesBody = operation.bodies.length > 0;
      const target = takesBody || webhook.provider ? pathValues : unknownIds(pathValues);
      for (const body of BODY_VALUES) {
        probes.push(...probe(body.name, url(target), body.json, body.contentType, takesBody));
      }
    }
    for (const schema of operation.bodies) {
      const base = sampleOf(document, schema, '', known());
      for (const field of fieldPathsOf(document, schema)) {
        for (const value of FIELD_VALUES) {
          const payload = JSON.stringify(withMarker(base, field)).replace(MARKER, () => value.json);
          probes.push(...probe(`${field.join('.')}=${value.name}`, url(pathValues), payload));
        }
      }
    }
    return probes;
  }

  function documentedStatuses(operation: string): string[] {
    const [method, path] = operation.split(' ');
    return Object.keys(document.paths[path][method.toLowerCase()].responses ?? {});
  }

  /** Real ids for path parameters, chosen by the collection the parameter names. */
  function pathValuesOf(operation: FuzzOperation): Record<string, string> {
    const byCollection: Record<string, string> = {
      carts: fixtures.cartId,
      items: fixtures.itemId,
      orders: fixtures.orderId,
      payments: fixtures.paymentId,
      addresses: fixtures.addressId,
      users: fixtures.customerId,
      products: fixtures.productId,
      variants: fixtures.variantId,
      zones: fixtures.zoneId,
    };
    const values: Record<string, string> = {};
    const segments = operation.path.split('/');
    segments.forEach((segment, index) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name) values[name] = byCollection[segments[index - 1]] ?? randomUUID();
    });
    return values;
  }

  function known(): Record<string, unknown> {
    return {
      cartId: fixtures.cartId,
      variantId: fixtures.variantId,
      productId: fixtures.productId,
      orderId: fixtures.orderId,
      zoneId: fixtures.zoneId,
      categoryIds: [fixtures.categoryId],
    };
  }
});

function unknownIds(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((name) => [name, randomUUID()]));
}

function queryString(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A copy of `value` with the marker at `path` (created when absent). */
function withMarker(value: unknown, path: FieldPath): unknown {
  if (path.length === 0) return MARKER_VALUE;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withMarker(copy[head], rest);
  return copy;
}

/** Runs `work` over `items`, a few at a time. */
async function runAll<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}
