import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { Json } from '../support/shop-steps';
import { createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** A client written against the generated types: the calls a shop front makes. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './arcade';

type Problem = components['schemas']['ProblemDetails'];
export const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export async function journey(): Promise<string> {
  const signup = await client.POST('/accounts/signup', {
    body: { email: 'ada@example.com', password: 'Quiet-Lantern-42-Orbit', name: 'Ada' },
  });
  if (signup.error) {
    const problem: Problem = signup.error;
    return problem.type + (problem.errors?.map((e) => e.field).join(',') ?? '');
  }
  const userId: string = signup.data.id;
  const login = await client.POST('/accounts/login', { body: { email: 'ada@example.com', password: 'x' } });
  const token: string | undefined = login.data?.accessToken;
  const product = await client.GET('/catalog/products/{idOrSlug}', { params: { path: { idOrSlug: 'tee' } } });
  const price: number | undefined = product.data?.variants[0]?.price.amount;
  const cart = await client.POST('/carts/{id}/items', {
    params: { path: { id: userId } },
    body: { variantId: userId, quantity: 1 },
  });
  const order = await client.POST('/orders', {
    params: { header: { 'Idempotency-Key': 'k-1' } },
    headers: { authorization: 'Bearer ' + token },
    body: {
      cartId: cart.data?.id ?? '',
      shippingAddress: { name: 'Ada', line1: '1 Way', city: 'Berlin', postalCode: '10115', country: 'DE' },
      payment: { provider: 'sandbox', token: 'tok_visa' },
    },
  });
  const status: 'pending' | undefined = order.data?.status;
  return String(price) + status;
}
`;

/** Calls the types must refuse, or they would accept anything. */
const WRONG_CALLS = [
  `client.POST('/accounts/signup', { body: { email: 1, password: 'x', name: 'Ada' } })`,
  `client.POST('/accounts/signup', { body: { password: 'x', name: 'Ada' } })`,
  `client.POST('/orders', { params: { header: { 'Idempotency-Key': 'k' } }, body: { cartId: 'c' } })`,
  `client.GET('/no/such/route')`,
  `client.GET('/orders/{id}', { params: { path: { id: 'o' } } }).then((r) => r.data?.status === 'lost')`,
];

/**
 * Issue 16, "the API a client developer reads": the OpenAPI document says every status a route
 * answers (the fuzz suite checks that against what routes really answer), every error is the one
 * ProblemDetails schema, bodies have examples, and a client generated from it compiles.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: Json;
  const operations = () =>
    Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => t.close());

  it('documents a success response with its schema for every operation', () => {
    const missing = operations().flatMap(({ key, operation }) => {
      const successes = Object.entries(operation.responses as Record<string, Json>).filter(([s]) => s.startsWith('2'));
      if (successes.length === 0) return [`${key}: no 2xx`];
      return successes
        .filter(([status, response]) => status !== '204' && !response.content?.['application/json']?.schema)
        .map(([status]) => `${key}: ${status} has no schema`);
    });
    expect(missing).toEqual([]);
  });

  it('documents sign-up as 201 with the account, and 409 when the email is taken (the example of issue 16)', () => {
    const signup = document.paths['/accounts/signup'].post.responses;
    expect(signup['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/SignUpResponse');
    expect(signup['409'].content['application/problem+json'].examples['email-taken'].value.type).toBe(
      '/problems/email-taken',
    );
  });

  it('answers every error with the shared ProblemDetails schema as application/problem+json', () => {
    const wrong = operations().flatMap(({ key, operation }) =>
      Object.entries(operation.responses as Record<string, Json>)
        .filter(([status]) => Number(status) >= 400 && key !== 'GET /health/ready')
        .filter(([, response]) => {
          const content = response.content ?? {};
          return (
            Object.keys(content).join() !== 'application/problem+json' ||
            content['application/problem+json'].schema.$ref !== '#/components/schemas/ProblemDetails'
          );
        })
        .map(([status]) => `${key} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(document.components.schemas.ProblemDetails.properties.errors).toBeDefined();
  });

  it('documents 401 where a token is accepted and 403 where a role is needed', () => {
    const responses = (key: string) => operations().find((o) => o.key === key)!.operation.responses;
    expect(Object.keys(responses('GET /accounts/me'))).toEqual(expect.arrayContaining(['200', '401']));
    expect(Object.keys(responses('PUT /accounts/users/{id}/roles'))).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    expect(responses('POST /orders')['422'].description).toContain('idempotency-key-reused');
  });

  it('gives every field of every request body an example', () => {
    const schemas = document.components.schemas as Record<string, Json>;
    const bodies = operations()
      .map(({ operation }) => operation.requestBody?.content?.['application/json']?.schema as Json | undefined)
      .filter((schema): schema is Json => schema?.$ref !== undefined)
      .map((schema) => String(schema.$ref).split('/').pop()!);
    const missing: string[] = [];
    const visit = (name: string, seen: Set<string>) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [field, property] of Object.entries((schemas[name].properties ?? {}) as Record<string, Json>)) {
        const ref = property.$ref ?? property.items?.$ref ?? property.allOf?.[0]?.$ref;
        if (ref) visit(String(ref).split('/').pop()!, seen);
        else if (property.example === undefined && property.enum === undefined && property.format !== 'uuid') {
          missing.push(`${name}.${field}`);
        }
      }
    };
    const seen = new Set<string>();
    for (const name of bodies) visit(name, seen);
    expect(seen.size).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  describe('a TypeScript client generated from it (openapi-typescript)', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'arcade-openapi-'));
      await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
      const cli = join(packageDir('openapi-typescript'), 'bin/cli.js');
      await run(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'arcade.ts')]);
    }, 60_000);
    afterAll(() => rm(dir, { recursive: true, force: true }));

    /** Type-checks each source (one file each, in one program) and returns the errors per source. */
    const typeCheck = async (sources: readonly string[]): Promise<string[][]> => {
      const files = sources.map((_, index) => join(dir, `client-${index}.ts`));
      await Promise.all(sources.map((source, index) => writeFile(files[index], source)));
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        types: ['node'],
        typeRoots: [join(packageDir('@types/node'), '..')],
        paths: { 'openapi-fetch': [join(packageDir('openapi-fetch'), 'dist/index.d.mts')] },
      });
      const diagnostics = ts.getPreEmitDiagnostics(program);
      return files.map((file) =>
        diagnostics
          .filter((d) => d.file === undefined || d.file.fileName === file)
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')),
      );
    };

    it('compiles a journey written against it, and refuses wrong calls', async () => {
      const wrong = WRONG_CALLS.map(
        (call) => `import { client } from './client-0';\nexport const wrong = () => ${call}\n`,
      );
      const [journey, ...refused] = await typeCheck([CLIENT, ...wrong]);
      expect(journey).toEqual([]);
      expect(refused.map((errors, i) => ({ call: WRONG_CALLS[i], refused: errors.length > 0 }))).toEqual(
        WRONG_CALLS.map((call) => ({ call, refused: true })),
      );
    }, 60_000);
  });
});
