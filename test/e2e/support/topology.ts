import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { connect } from 'nats';
import { waitForOk } from '../../support/app-process';
import { portIsFree, ReservedPort, reservePort } from '../../support/reserved-port';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { runTs, TsProcess } from '../../support/ts-process';
import { NATS_URL, natsAvailable } from '../../extraction/support/split-apps';

/** The entry point `npm start` runs, compiled on the fly: each process is the real app. */
const MAIN = resolve(__dirname, '../../../src/main.ts');

export type TopologyKind = 'monolith' | 'split';

export const ADMIN = { email: 'admin@arcade.test', password: 'Admin-Lantern-42-Orbit' };
export const JWT_SECRET = 'e2e-topology-secret-0123456789abcdef-xyz';

/**
 * Who hosts what in the split topology of the issues: payments, recommendations, ai, and promotions
 * with tax extracted.
 */
export const SPLIT_PROCESSES: Readonly<Record<string, readonly string[]>> = {
  main: ['accounts', 'catalog', 'cart', 'orders', 'notifications', 'shipping'],
  payments: ['payments'],
  recommendations: ['recommendations'],
  ai: ['ai'],
  promotions: ['promotions', 'tax'],
};

/**
 * Checkout with a code across processes (issue 19): the cart prices through promotions and tax over
 * NATS, orders sends `RedeemPromotion` over NATS and hears `PromotionRedeemed` from JetStream, and
 * payments authorises the priced total in its own process.
 */
export const SPLIT_WITH_PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  main: ['accounts', 'catalog', 'cart', 'orders', 'notifications', 'shipping'],
  payments: ['payments'],
  promotions: ['promotions', 'tax'],
};

/**
 * The split topology with cart extracted too: every cart change then asks catalog for prices over a
 * NATS hop, and `POST /orders` asks cart for the cart it checks out over another.
 */
export const SPLIT_WITH_CART: Readonly<Record<string, readonly string[]>> = {
  main: ['accounts', 'catalog', 'orders', 'notifications', 'shipping', 'promotions', 'tax'],
  payments: ['payments'],
  recommendations: ['recommendations'],
  cart: ['cart'],
};

/**
 * The journey's split: cart and shipping extracted too, together in one more process (a fifth
 * process would only add start-up time on a loaded machine; what matters is the hop). Orders then
 * asks shipping over NATS (`CancelOrderShipments`), shipping takes `OrderConfirmed` from JetStream
 * and orders takes `ShipmentDispatched` / `ShipmentDelivered` back the same way.
 */
export const SPLIT_WITH_CART_AND_SHIPPING: Readonly<Record<string, readonly string[]>> = {
  // Promotions and tax stay with main: the cart prices every read through them across the hop (issue 19).
  main: ['accounts', 'catalog', 'orders', 'notifications', 'promotions', 'tax'],
  payments: ['payments'],
  recommendations: ['recommendations'],
  cart: ['cart', 'shipping'],
};

/** Settings every process shares: fast relays for tests, cheap hashing, one JWT secret, the first admin. */
const COMMON_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  JWT_SECRET,
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_ITERATIONS: '1',
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
  SIGNUP_MAX_PER_ADDRESS: '100000',
  RISK_VELOCITY_MAX_PAYMENTS: '10000',
  OUTBOX_POLL_MS: '50',
  OUTBOX_RETRY_BASE_MS: '50',
  OUTBOX_RETRY_MAX_MS: '500',
  // With retries this fast, the default 10 attempts would park messages as dead letters within
  // seconds of a broker outage; production's back-off (up to 300 s) rides out minutes.
  OUTBOX_MAX_ATTEMPTS: '1000',
  BROKER_REDELIVERY_BASE_MS: '100',
  BROKER_REDELIVERY_MAX_MS: '1000',
  BROKER_MAX_DELIVERIES: '1000',
  DATABASE_POOL_SIZE: '5',
};

export interface TopologyOptions {
  /** Broker of a split topology (default: the machine's NATS). */
  readonly brokerUrl?: string;
  /** Who hosts what in a split topology (default: {@link SPLIT_PROCESSES}); `main` is the entry point. */
  readonly processes?: Readonly<Record<string, readonly string[]>>;
  /** Extra settings for every process. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long each process may take to be ready (default 90 s; a loaded machine compiling four at once takes longer). */
  readonly readyTimeoutMs?: number;
}

/** A running deployment of Arcade: one HTTP entry point, one or more processes behind it. */
export class Topology {
  readonly processes = new Map<string, { child: TsProcess; port: number }>();
  private readonly prefix = `e2e${randomBytes(4).toString('hex')}`;

  private constructor(
    readonly kind: TopologyKind,
    readonly database: TestDatabase,
    /** Split topologies keep payments' tables in a database of their own (`DATABASE_URL_PAYMENTS`). */
    readonly paymentsDatabase: TestDatabase | undefined,
    private readonly options: TopologyOptions,
    private readonly ports: Readonly<Record<string, number>>,
    private readonly reservations: readonly ReservedPort[],
  ) {}

  /** The one URL clients use, whatever the topology. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.ports.main}`;
  }

  static async start(kind: TopologyKind, options: TopologyOptions = {}): Promise<Topology> {
    const database = await createTestDatabase();
    const paymentsDatabase = kind === 'split' ? await createTestDatabase() : undefined;
    const names = kind === 'split' ? Object.keys(options.processes ?? SPLIT_PROCESSES) : ['main'];
    // Reserved, not merely free: a process's port stays the topology's while it is down (see reservePort).
    const reservations: ReservedPort[] = [];
    const ports: Record<string, number> = {};
    for (const name of names) {
      const reservation = await reservePort();
      reservations.push(reservation);
      ports[name] = reservation.port;
    }
    const topology = new Topology(kind, database, paymentsDatabase, options, ports, reservations);
    try {
      await Promise.all(names.map((name) => topology.startProcess(name)));
    } catch (error) {
      await topology.stop();
      throw error;
    }
    return topology;
  }

  /** Starts (or restarts, on the same port) one process and waits until it is ready; `env` adds settings to this start only. */
  async startProcess(name: string, env: Readonly<Record<string, string>> = {}): Promise<void> {
    const port = this.ports[name];
    // Whoever answers on the port is taken for the process started: another listener there would
    // answer its readiness probe and its requests while the child fails with EADDRINUSE.
    if (!(await portIsFree(port))) {
      throw new Error(`process ${name}: port ${port} is held by another process; it would answer in ${name}'s place`);
    }
    const child = runTs(MAIN, { ...COMMON_ENV, ...this.envFor(name), PORT: String(port), ...this.options.env, ...env });
    this.processes.set(name, { child, port });
    const died = child.exited().then(({ code, signal }) => {
      throw new Error(`process ${name} exited (${code ?? signal}) before it was ready:\n${child.output()}`);
    });
    const ready = waitForOk(`http://127.0.0.1:${port}/health/ready`, this.options.readyTimeoutMs ?? 90_000).catch(
      (error: Error) => {
        throw new Error(`process ${name}: ${error.message}\n${child.output()}`);
      },
    );
    await Promise.race([ready, died]);
    died.catch(() => undefined);
  }

  /** Ends one process with a signal and waits for it to be gone. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const process = this.processes.get(name);
    if (!process) return;
    if (process.child.child.exitCode === null && process.child.child.signalCode === null) {
      process.child.child.kill(signal);
    }
    await process.child.exited();
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.keys()].map(async (name) => {
        const process = this.processes.get(name)!;
        const timer = setTimeout(() => process.child.child.kill('SIGKILL'), 15_000);
        await this.kill(name, 'SIGTERM');
        clearTimeout(timer);
      }),
    );
    for (const reservation of this.reservations) reservation.release();
    if (this.kind === 'split') await this.removeStreams().catch(() => undefined);
    await Promise.allSettled([this.database.drop(), this.paymentsDatabase?.drop()]);
  }

  private get split(): Readonly<Record<string, readonly string[]>> {
    return this.options.processes ?? SPLIT_PROCESSES;
  }

  private envFor(name: string): Record<string, string> {
    if (this.kind === 'monolith') return { DATABASE_URL: this.database.url };
    const env: Record<string, string> = {
      DATABASE_URL: this.database.url,
      DATABASE_URL_PAYMENTS: this.paymentsDatabase!.url,
      MODULES: this.split[name].join(','),
      BROKER_URL: this.options.brokerUrl ?? NATS_URL,
      BROKER_PREFIX: this.prefix,
    };
    if (name === 'main') {
      // The gateway routes modules by name; each module's descriptor gives its URL prefixes.
      env.GATEWAY_ROUTES = Object.entries(this.split)
        .filter(([process]) => process !== 'main')
        .flatMap(([process, modules]) => modules.map((module) => `${module}=http://127.0.0.1:${this.ports[process]}`))
        .join(',');
    } else {
      // Behind the gateway: only it calls these processes, and its trace goes on (ADR 0119).
      env.TRACING_CONTINUE_CALLER_TRACE = 'true';
    }
    return env;
  }

  /** The broker outlives the test: its streams for this deployment are removed. */
  private async removeStreams(): Promise<void> {
    const nc = await connect({ servers: this.options.brokerUrl ?? NATS_URL, timeout: 2000 });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = `${this.prefix.toUpperCase()}_EVENTS`;
      await Promise.allSettled([jsm.streams.delete(stream), jsm.streams.delete(`${stream}_DEAD_LETTERS`)]);
    } finally {
      await nc.close();
    }
  }
}

/**
 * The topologies this run can prove: the monolith always; the split one when a NATS server
 * answers. Outside CI a missing broker skips the split run with a message; in CI it fails.
 */
export function topologiesToRun(): TopologyKind[] {
  return natsAvailable('the split-topology runs') ? ['monolith', 'split'] : ['monolith'];
}
