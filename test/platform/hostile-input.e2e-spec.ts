import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../../src/platform/http';
import { ADMIN, startFuzzApp } from '../fuzz/fuzz-shop';
import { Shop } from '../support/shop';
import { Headers, Json } from '../support/shop-steps';
import { TestApp } from '../support/test-app';

/**
 * Path parameters that are not ids: a product is also found by its slug, a webhook by its provider,
 * a fraud model by its version number (a positive integer, else the same 400 naming `version`), a
 * tax rule by its country, an AI feature, a prompt and a prompt label by their names.
 */
const NOT_IDS = ['idOrSlug', 'provider', 'trackingNumber', 'version', 'country', 'feature', 'name', 'label', 'code'];

/**
 * Issue 15, "no client input causes a 5xx": each example of the kind, as seen in the field. The
 * OpenAPI fuzz suite (test/fuzz) keeps the whole kind fixed; these name the cases.
 */
describe('hostile input is a 400 problem naming the field, never a 5xx', () => {
  let t: TestApp;
  let shop: Shop;
  let admin: Headers;
  let customer: Headers;

  beforeAll(async () => {
    t = await startFuzzApp();
    shop = new Shop(t.app);
    admin = await shop.login(ADMIN.email, ADMIN.password);
    customer = (await shop.signUp()).auth;
  });
  afterAll(() => t.close());

  /** Sends `payload` as raw JSON text, so escapes such as \ud800 reach the server as written. */
  const send = (method: string, url: string, headers: Headers = {}, payload?: string) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload }),
    });
  const problemOf = (response: { statusCode: number; headers: Record<string, unknown>; json(): Json }) => ({
    status: response.statusCode,
    contentType: String(response.headers['content-type']).split(';')[0],
    fields: [...new Set(((response.json().errors ?? []) as { field: string }[]).map((e) => e.field))],
  });
  const address = '"name":"Ada","line1":"1 Way","city":"Berlin","postalCode":"10115","country":"DE"';

  it.each([
    ['a search', 'GET', '/catalog/products?q=tee%00', undefined, 'q'],
    ['a login email', 'POST', '/accounts/login', '{"email":"a\\u0000@example.com","password":"x"}', 'email'],
    [
      'a sign-up name',
      'POST',
      '/accounts/signup',
      '{"email":"n@example.com","password":"x","name":"A\\u0000"}',
      'name',
    ],
    ['a profile name', 'PATCH', '/accounts/me', '{"name":"Ada\\u0000"}', 'name'],
    ['an address', 'POST', '/accounts/me/addresses', `{${address.replace('1 Way', '1\\u0000Way')}}`, 'line1'],
    [
      'a shipping line',
      'POST',
      '/orders',
      `{"cartId":"${randomUUID()}","shippingAddress":{${address.replace('Berlin', 'Ber\\u0000lin')}},"payment":{"provider":"sandbox","token":"tok_visa"}}`,
      'shippingAddress.city',
    ],
    [
      'a payment token',
      'POST',
      '/orders',
      `{"cartId":"${randomUUID()}","shippingAddress":{${address}},"payment":{"provider":"sandbox","token":"tok\\u0000"}}`,
      'payment.token',
    ],
    ['a refund reason', 'POST', `/payments/${randomUUID()}/refund`, '{"reason":"late\\u0000"}', 'reason'],
    ['a mailbox filter', 'GET', '/notifications/mailbox?to=a%00b', undefined, 'to'],
    ['a path parameter', 'GET', '/carts/a%00b', undefined, 'id'],
    ['a field name', 'PATCH', '/accounts/me', '{"na\\u0000me":"Ada"}', 'na\u0000me'],
  ])('refuses a NUL character in %s', async (_where, method, url, payload, field) => {
    const headers = { ...(url.startsWith('/payments') || url.startsWith('/notifications') ? admin : customer) };
    const response = await send(method, url, { ...headers, 'idempotency-key': randomUUID() }, payload);
    expect(problemOf(response)).toEqual({ status: 400, contentType: 'application/problem+json', fields: [field] });
  });

  it.each([
    ['a sign-up email', '/accounts/signup', '{"email":"\\ud800@example.com","password":"x","name":"Ada"}', 'email'],
    ['a login email', '/accounts/login', '{"email":"ada\\udc00@example.com","password":"x"}', 'email'],
    ['a nested field', '/accounts/me/addresses', `{${address.replace('"Ada"', '"Ada\\ud83d"')}}`, 'name'],
  ])('refuses invalid Unicode (a lone surrogate) in %s', async (_where, url, payload, field) => {
    const response = await send('POST', url, customer, payload);
    expect(problemOf(response)).toEqual({ status: 400, contentType: 'application/problem+json', fields: [field] });
    expect(response.json().errors[0].message).toContain('Unicode');
  });

  it('accepts well-formed Unicode beyond the BMP (a surrogate pair is one character)', async () => {
    const response = await send('PATCH', '/accounts/me', customer, '{"name":"Ada \\ud83d\\ude00"}');
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('Ada 😀');
  });

  describe('null where a PATCH may leave a field out', () => {
    let addressId: string;
    beforeAll(async () => {
      addressId = (await send('POST', '/accounts/me/addresses', customer, `{${address},"line2":"Flat 3"}`)).json().id;
    });

    it.each([
      ['/accounts/me', '{"name":null}', 'name'],
      ['address', '{"name":null}', 'name'],
      ['address', '{"country":null}', 'country'],
      ['address', '{"postalCode":null}', 'postalCode'],
    ])('PATCH %s %s is a 400 naming the field', async (target, payload, field) => {
      const url = target === 'address' ? `/accounts/me/addresses/${addressId}` : target;
      expect(problemOf(await send('PATCH', url, customer, payload))).toEqual({
        status: 400,
        contentType: 'application/problem+json',
        fields: [field],
      });
    });

    it('still clears line2 with null, as documented', async () => {
      const response = await send('PATCH', `/accounts/me/addresses/${addressId}`, customer, '{"line2":null}');
      expect(response.statusCode).toBe(200);
      expect(response.json().line2).toBeNull();
    });

    it('refuses null for a product field an edit may leave out', async () => {
      const product = await send(
        'POST',
        '/catalog/products',
        admin,
        JSON.stringify({
          title: 'Null test',
          description: 'x',
          variants: [{ sku: 'NULL-1', title: 'One', price: { amount: 100, currency: 'EUR' }, stock: 1 }],
        }),
      );
      for (const field of ['title', 'description', 'images', 'status']) {
        const response = await send('PATCH', `/catalog/products/${product.json().id}`, admin, `{"${field}":null}`);
        expect({ field, ...problemOf(response) }).toEqual({
          field,
          status: 400,
          contentType: 'application/problem+json',
          fields: [field],
        });
      }
    });
  });

  it('refuses 10,000 (and the 500,000 a megabyte holds) levels of nesting before parsing them', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const megabyte = '['.repeat(500_000) + ']'.repeat(500_000);
    for (const payload of [deep, `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, megabyte]) {
      const response = await send('PATCH', '/accounts/me', customer, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].message).toContain('nested more than 32 levels');
    }
  });

  /** Creates a product with `count` copies of `variant` (JSON text). */
  const productWith = (count: number, variant: string) =>
    send(
      'POST',
      '/catalog/products',
      admin,
      `{"title":"x","description":"x","variants":[${new Array<string>(count).fill(variant).join(',')}]}`,
    );

  it('does not validate item by item a list longer than its DTO allows', async () => {
    const response = await productWith(1000, '{"sku":null}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'variants', message: 'variants must contain no more than 100 elements' },
    ]);
  });

  it('answers 100,000 invalid items with a short problem, without validating them one by one', async () => {
    const response = await productWith(100_000, '{}');
    expect(problemOf(response)).toEqual({ status: 400, contentType: 'application/problem+json', fields: ['variants'] });
    expect(response.body.length).toBeLessThan(1000);
  });

  it('lists at most 50 field errors, and says how many there were', async () => {
    const response = await productWith(100, '{"sku":null}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveLength(50);
    expect(response.json().detail).toMatch(/first 50 of \d+ problems/);
  });

  it('refuses an object with more than 1,000 fields', async () => {
    const fields = Array.from({ length: 1001 }, (_, i) => `"f${i}":1`).join(',');
    const response = await send('PATCH', '/accounts/me', customer, `{${fields}}`);
    expect(problemOf(response)).toEqual({ status: 400, contentType: 'application/problem+json', fields: ['body'] });
  });

  it('answers a malformed id in any path with the same 400 naming the parameter (one rule everywhere)', async () => {
    const document = (await send('GET', '/docs-json')).json();
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const params = ((operation.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
        for (const param of params.filter((p) => !NOT_IDS.includes(p.name))) {
          expect({ path, param: param.name, format: param.schema?.format }).toEqual({
            path,
            param: param.name,
            format: 'uuid',
          });
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
            name === param.name ? 'not-a-uuid' : randomUUID(),
          );
          const response = await send(method.toUpperCase(), url, admin);
          expect({ url, status: response.statusCode, errors: response.json().errors }).toEqual({
            url,
            status: 400,
            errors: [{ field: param.name, message: `${param.name} must be a UUID` }],
          });
          checked.push(`${method} ${path}`);
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });

  it('answers a URL that is not percent-encoded UTF-8, and a path parameter too long, with problem+json', async () => {
    for (const [url, status] of [
      ['/carts/%ED%A0%80', 400],
      ['/carts/%FF', 400],
      [`/carts/${'x'.repeat(5000)}`, 414],
    ] as const) {
      const response = await send('GET', url, customer);
      expect({ url: url.slice(0, 20), status: response.statusCode }).toEqual({ url: url.slice(0, 20), status });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['x-request-id']).toBeDefined();
    }
  });

  it.each([
    ['orders', '/orders', { createdAt: 'yesterday', id: randomUUID() }],
    ['orders', '/orders', { createdAt: new Date().toISOString(), id: 'not-a-uuid' }],
    // Instants JavaScript's Date.parse rolls over or allows but PostgreSQL refuses.
    ['orders', '/orders', { createdAt: '2026-02-30T00:00:00Z', id: randomUUID() }],
    ['orders', '/orders', { createdAt: '0000-01-01T00:00:00Z', id: randomUUID() }],
    ['users', '/accounts/users', { id: 'a\u0000b' }],
    ['products by price', '/catalog/products?sort=price', { s: 'price', p: 1.5, id: randomUUID() }],
    ['products by price', '/catalog/products?sort=price', { s: 'price', p: 1e300, id: randomUUID() }],
    ['products by relevance', '/catalog/products?q=tee', { s: 'relevance', r: 1e300, id: randomUUID() }],
    // A rank is a PostgreSQL real: a double that underflows it is out of its range.
    ['products by relevance', '/catalog/products?q=tee', { s: 'relevance', r: 1e-320, id: randomUUID() }],
    ['products by newest', '/catalog/products', { s: 'newest', id: 'not-a-uuid' }],
  ])('refuses a forged %s cursor %j before it reaches SQL', async (_list, url, position) => {
    const cursor = encodeCursor(position as Record<string, string | number>);
    const response = await send('GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`, admin);
    expect(problemOf(response)).toEqual({ status: 400, contentType: 'application/problem+json', fields: ['cursor'] });
  });
});
