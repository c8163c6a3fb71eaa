import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';
import { RUNNER_APPLICATION_NAME } from '../../support/postgres-cpu';
import { COUNT_STATEMENTS_PRELOAD, countStatementsEnv, forgetStatementCounts } from '../../support/statement-counts';
import { Operation, OutOfWork, Peer } from '../peer';
import { CHECKOUT_SKU, vendureProductsCsv } from './products-csv';

const run = promisify(execFile);
const DIR = __dirname;
const RESULTS = resolve(DIR, '../../results');

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

interface Answer<T> {
  readonly data: T;
  /** The session's bearer token (Vendure sends `vendure-auth-token` when it opens a session). */
  readonly token?: string;
}

/** A typed GraphQL union member: `Order`, or an `ErrorResult` with its code. */
interface OrderResult {
  readonly __typename: string;
  readonly state?: string;
  readonly errorCode?: string;
  readonly message?: string;
}

function expectOrder(result: OrderResult, what: string, state?: string): void {
  if (result.__typename !== 'Order' || (state && result.state !== state))
    throw new Error(`${what}: ${JSON.stringify(result).slice(0, 300)}`);
}

const ADD = `mutation Add($id: ID!, $quantity: Int!) {
  addItemToOrder(productVariantId: $id, quantity: $quantity) {
    __typename
    ... on Order { id code state totalWithTax lines { id quantity linePriceWithTax } }
    ... on ErrorResult { errorCode message }
  }
}`;

const DETAIL = `query Detail($slug: String!) {
  product(slug: $slug) {
    id name slug description
    facetValues { id name facet { name } }
    variants { id name sku price priceWithTax currencyCode stockLevel }
  }
}`;

/**
 * Vendure 3 (bench/peers/vendure: its package.json, our server.cjs) as a {@link Peer}: its default
 * NestJS server on a database of its own on the bench's PostgreSQL, the shop GraphQL API, guest
 * sessions with bearer tokens, the dummy payment handler settling at once. Its logs go to
 * bench/results/vendure-<time>.log.
 */
export class VendurePeer implements Peer {
  readonly name = 'Vendure 3';
  private readonly database = `vendure_bench_${Date.now()}`;
  private readonly databaseUrl: string;
  private readonly log = resolve(RESULTS, `vendure-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  private server?: ChildProcess;
  private port = 0;
  private sql?: Pool;
  private created = false;

  /** `serverUrl`: a PostgreSQL URL whose user may create databases (the bench's). */
  constructor(private readonly serverUrl: string) {
    const url = new URL(serverUrl);
    url.pathname = `/${this.database}`;
    this.databaseUrl = url.toString();
  }

  /** `npm install --prefix bench/peers/vendure` when @vendure/core is not there yet. */
  async install(): Promise<void> {
    if (existsSync(resolve(DIR, 'node_modules/@vendure/core/package.json'))) return;
    console.log(`installing Vendure into ${DIR} (npm install, once)`);
    await run('npm', ['install', '--prefix', DIR, '--no-audit', '--no-fund'], { maxBuffer: 50_000_000 });
  }

  async seed(products: number): Promise<void> {
    const admin = new Client({ connectionString: this.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${this.database}"`);
    await admin.end();
    this.created = true;
    mkdirSync(RESULTS, { recursive: true });
    const csv = resolve(RESULTS, `${this.database}-products.csv`);
    writeFileSync(csv, vendureProductsCsv(products));
    const child = this.node(['populate', csv], await freePort());
    const [code] = (await once(child, 'exit')) as [number | null];
    unlinkSync(csv);
    if (code !== 0) throw new Error(`Vendure's populate exited with ${code}: see ${this.log}`);
    this.sql = new Pool({ connectionString: this.databaseUrl, max: 2, application_name: RUNNER_APPLICATION_NAME });
    const { rows } = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM product`);
    if (rows[0].n !== products + 1)
      throw new Error(`Vendure imported ${rows[0].n} of ${products + 1} products: see ${DIR}/vendure-import-error.log`);
    await this.sql.query('VACUUM ANALYZE');
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = this.node(['serve'], this.port, true);
    const exited = once(this.server, 'exit').then(([code]) => {
      throw new Error(`Vendure exited with ${code} before it answered: see ${this.log}`);
    });
    const answers = (async () => {
      for (let i = 0; i < 600; i++) {
        try {
          await this.gql(`{ activeChannel { code } }`, {});
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      throw new Error(`Vendure did not answer within 120 s: see ${this.log}`);
    })();
    await Promise.race([answers, exited]);
  }

  /** `counted`: with the preload that counts its statements (the server, not the import). */
  private node(args: string[], port: number, counted = false): ChildProcess {
    const out = createWriteStream(this.log, { flags: 'a' });
    const preload = counted ? ['-r', COUNT_STATEMENTS_PRELOAD] : [];
    const child = spawn(process.execPath, [...preload, resolve(DIR, 'server.cjs'), ...args], {
      cwd: DIR,
      env: {
        ...process.env,
        ...(counted ? countStatementsEnv() : {}),
        NODE_ENV: 'production',
        // Vendure 3 reports anonymous usage to its makers on start-up; a benchmark sends nothing.
        VENDURE_DISABLE_TELEMETRY: 'true',
        VENDURE_DATABASE_URL: this.databaseUrl,
        VENDURE_PORT: String(port),
        VENDURE_DB_POOL: process.env.DATABASE_POOL_SIZE ?? '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    return child;
  }

  /** One shop API call; throws on a GraphQL error (Vendure answers those with 200). */
  private async gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer<T>> {
    const res = await fetch(`http://127.0.0.1:${this.port}/shop-api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as { data?: T; errors?: unknown[] };
    if (!res.ok || body.errors?.length || !body.data) throw new Error(`Vendure ${res.status}: ${text.slice(0, 300)}`);
    return { data: body.data, token: res.headers.get('vendure-auth-token') ?? token };
  }

  async productDetail(): Promise<Operation> {
    const { rows } = await this.sql!.query<{ slug: string }>(
      `SELECT slug FROM product_translation ORDER BY random() LIMIT 5000`,
    );
    let n = 0;
    return async () => {
      const { data } = await this.gql<{ product: unknown }>(DETAIL, { slug: rows[n++ % rows.length].slug });
      if (!data.product) throw new Error('product detail: no product');
    };
  }

  /** Adds one unit to the session's order (a new session and order without `token`); the token. */
  private async add(variantId: string, token?: string): Promise<string> {
    const { data, token: session } = await this.gql<{ addItemToOrder: OrderResult }>(
      ADD,
      { id: variantId, quantity: 1 },
      token,
    );
    expectOrder(data.addItemToOrder, 'add to cart');
    return session!;
  }

  async addToCart(carts: number): Promise<Operation> {
    const { rows } = await this.sql!.query<{ id: string }>(
      `SELECT v.id::text AS id FROM product_variant v JOIN stock_level s ON s."productVariantId" = v.id
        WHERE v."deletedAt" IS NULL AND v.enabled AND s."stockOnHand" - s."stockAllocated" >= 30
        ORDER BY random() LIMIT 5000`,
    );
    const variants = rows.map((r) => r.id);
    const tokens: string[] = [];
    const worker = async () => {
      while (tokens.length < carts) tokens.push(await this.add(variants[tokens.length % variants.length]));
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    let n = 0;
    return async () => {
      n++;
      await this.add(variants[(n * 7919) % variants.length], tokens[n % tokens.length]);
    };
  }

  async checkout(carts: number): Promise<Operation> {
    const { rows } = await this.sql!.query<{ id: string }>(
      `SELECT id::text AS id FROM product_variant WHERE sku = $1 AND "deletedAt" IS NULL`,
      [CHECKOUT_SKU],
    );
    const variantId = rows[0].id;
    const ready: string[] = [];
    let shippingMethodId: string | undefined;
    let started = 0;
    const worker = async () => {
      while (started++ < carts) {
        const token = await this.add(variantId);
        const customer = await this.gql<{ setCustomerForOrder: OrderResult }>(
          `mutation C($input: CreateCustomerInput!) { setCustomerForOrder(input: $input) {
             __typename ... on Order { state } ... on ErrorResult { errorCode message } } }`,
          { input: { emailAddress: `bench-${randomUUID()}@example.com`, firstName: 'Bench', lastName: 'Buyer' } },
          token,
        );
        expectOrder(customer.data.setCustomerForOrder, 'set customer');
        shippingMethodId ??= (
          await this.gql<{ eligibleShippingMethods: { id: string }[] }>(`{ eligibleShippingMethods { id } }`, {}, token)
        ).data.eligibleShippingMethods[0].id;
        const method = await this.gql<{ setOrderShippingMethod: OrderResult }>(
          `mutation M($id: [ID!]!) { setOrderShippingMethod(shippingMethodId: $id) {
             __typename ... on Order { state } ... on ErrorResult { errorCode message } } }`,
          { id: [shippingMethodId] },
          token,
        );
        expectOrder(method.data.setOrderShippingMethod, 'set shipping method');
        ready.push(token);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return async () => {
      const token = ready.pop();
      if (!token) throw new OutOfWork();
      const address = await this.gql<{ setOrderShippingAddress: OrderResult }>(
        `mutation A($input: CreateAddressInput!) { setOrderShippingAddress(input: $input) {
           __typename ... on Order { state } ... on ErrorResult { errorCode message } } }`,
        {
          input: {
            fullName: 'Bench Buyer',
            streetLine1: '1 Load Street',
            city: 'Berlin',
            postalCode: '10115',
            countryCode: 'DE',
          },
        },
        token,
      );
      expectOrder(address.data.setOrderShippingAddress, 'set address');
      const arranging = await this.gql<{ transitionOrderToState: OrderResult }>(
        `mutation T { transitionOrderToState(state: "ArrangingPayment") {
           __typename ... on Order { state } ... on OrderStateTransitionError { errorCode message transitionError } } }`,
        {},
        token,
      );
      expectOrder(arranging.data.transitionOrderToState, 'to ArrangingPayment', 'ArrangingPayment');
      const paid = await this.gql<{ addPaymentToOrder: OrderResult }>(
        `mutation P($input: PaymentInput!) { addPaymentToOrder(input: $input) {
           __typename ... on Order { id code state totalWithTax } ... on ErrorResult { errorCode message } } }`,
        { input: { method: 'dummy-payment', metadata: {} } },
        token,
      );
      expectOrder(paid.data.addPaymentToOrder, 'add payment', 'PaymentSettled');
    };
  }

  /**
   * Nothing to wait for: the jobs Vendure queues meanwhile (job_record) are never run here, as
   * its job-queue worker is not started. Says how many are pending, for the log.
   */
  async settle(): Promise<string> {
    try {
      const { rows } = await this.sql!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM job_record WHERE state = 'PENDING'`,
      );
      return `${rows[0].n} jobs pending in job_record (not run: no worker)`;
    } catch (error) {
      return `job_record not read: ${String(error)}`;
    }
  }

  serverPids(): number[] {
    return this.server?.pid ? [this.server.pid] : [];
  }

  databaseName(): string {
    return this.database;
  }

  async stop(keep: boolean): Promise<void> {
    if (this.server && this.server.exitCode === null) {
      const exited = once(this.server, 'exit');
      this.server.kill('SIGTERM');
      const timer = setTimeout(() => this.server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      forgetStatementCounts(this.server.pid!);
    }
    await this.sql?.end();
    if (this.created && !keep) {
      const admin = new Client({ connectionString: this.serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
      await admin.end();
    }
  }
}
