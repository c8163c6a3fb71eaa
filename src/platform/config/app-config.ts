import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { AuthConfig, readAuth } from './auth-config';
import { Env, readBool, readEnum, readInt, readList, readSecret, readString, readUrl, redact } from './env-readers';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const POSTGRES = ['postgres', 'postgresql'] as const;

export interface DatabaseConfig {
  /** Shared URL of every module; undefined means "start the embedded PostgreSQL". */
  readonly url: string | undefined;
  /** `DATABASE_URL_<MODULE>` overrides, keyed by lower-case module name. */
  readonly moduleUrls: Readonly<Record<string, string>>;
  readonly poolSize: number;
  /** Password given to the per-module roles that the bootstrap creates. */
  readonly rolePassword: string | undefined;
  readonly migrationsRun: boolean;
  /**
   * `DATABASE_APPLICATION_NAME`: the first part of the `application_name` of this process's
   * connections (`<name>:<module>`, default `arcade`), so that `pg_stat_activity` tells instances
   * (or a benchmark's processes) apart. 1–40 characters: letters, digits, `.`, `_`, `-`.
   */
  readonly applicationName: string;
  /**
   * `DATABASE_PREPARED_STATEMENTS` (default true): statements with parameters are sent as named
   * prepared statements, parsed and planned once per connection. False behind a pooler in
   * transaction mode (PgBouncer), which cannot keep them.
   */
  readonly preparedStatements: boolean;
  readonly embedded: { readonly dir: string; readonly port: number };
}

export interface MessagingConfig {
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /** How many partitions of a batch (messages with different ordering keys) are delivered at once. */
  readonly deliveryConcurrency: number;
  /** How many batches of one module's outbox may be in flight at once in this process. */
  readonly concurrentBatches: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly outboxRetentionHours: number;
  readonly inboxRetentionHours: number;
  /** How long a command or query to another process may take before it fails with 503. */
  readonly requestTimeoutMs: number;
  /** Start the outbox relays (off only for tools and tests that drive delivery by hand). */
  readonly relayEnabled: boolean;
  /**
   * How long rows that this process delivers straight after their commit stay hidden from polling
   * relays (its own and other instances'). After a crash they are delivered once it has passed;
   * a delivery slower than this may happen twice (the inbox absorbs it). 0: every row is polled.
   */
  readonly leaseMs: number;
  /**
   * The most messages one batched handler takes in one transaction (`MESSAGE_BATCH_MAX`, 1 = every
   * message alone). Only handlers marked batched (`@BatchedCommandHandler`, `batch: true` on a
   * subscriber) are batched, and only under load: a message that finds its handler idle runs at once.
   */
  readonly batchMaxSize: number;
  /** How many batches of one handler may run at once in this process (`MESSAGE_BATCH_CONCURRENCY`). */
  readonly batchConcurrency: number;
  /**
   * Hear the outboxes' NOTIFYs of rows due now (one LISTEN connection per database), so that
   * idle relays may poll less (ADR 0122). Off: every relay polls every `pollIntervalMs`, always.
   */
  readonly listen: boolean;
  /**
   * The longest delay between two polls of an idle relay that hears NOTIFYs, ms (capped by
   * `leaseMs` when that is set; `pollIntervalMs` or less: no back-off). The default, 8 s, stays
   * below the connection pool's idle timeout (10 s): each module keeps one connection open, where a
   * longer gap would close it and open a new one (a new backend) on every poll.
   */
  readonly idlePollMaxMs: number;
}

/** The message broker that connects processes (docs/architecture.md §5); absent = one process, in-process delivery. */
export interface BrokerConfig {
  /** `BROKER_URL` (nats:// or tls://); undefined = no broker, in-process transport. */
  readonly url: string | undefined;
  /** First token of every subject, so several deployments (or test files) share one server. */
  readonly prefix: string;
  /** JetStream stream holding integration events (`<PREFIX>_EVENTS` unless BROKER_STREAM says otherwise). */
  readonly stream: string;
  /** JetStream stream where events that failed `maxDeliveries` times are parked. */
  readonly deadLetterStream: string;
  /** Deliveries of one event to one consuming module before it is parked as a dead letter. */
  readonly maxDeliveries: number;
  readonly redeliveryBaseMs: number;
  readonly redeliveryMaxMs: number;
  /** How long the broker waits for an ack before redelivering (handlers must finish sooner). */
  readonly ackWaitMs: number;
  /** JetStream de-duplication window for event ids (covers outbox republishing after a crash). */
  readonly duplicateWindowMs: number;
  /** How long boot waits for the broker before going on and connecting in the background. */
  readonly connectTimeoutMs: number;
}

/**
 * A module served by another process (the gateway's routing table, docs/architecture.md §5). The
 * composition root turns its name into the module's URL prefixes and refuses an unknown name.
 */
export interface GatewayRoute {
  /** The module's name, as in `MODULES`: `reviews` routes every URL prefix the reviews module declares. */
  readonly module: string;
  /** Base URL of the process that hosts it (http or https; its path is ignored). */
  readonly upstream: string;
}

export interface GatewayConfig {
  /** `GATEWAY_ROUTES=reviews=http://reviews:3000,search=http://search:3000` (module names); empty = serve everything locally. */
  readonly routes: readonly GatewayRoute[];
  /** How long an upstream may take to start answering before the gateway gives up with 504. */
  readonly timeoutMs: number;
}

/** Shared state of several instances (rate-limit counters); absent = each process counts alone, in memory. */
export interface RedisConfig {
  /** `REDIS_URL` (redis:// or rediss://); undefined = in-memory limits per process. */
  readonly url: string | undefined;
  /** First part of every key, so several deployments (or test files) share one server. */
  readonly prefix: string;
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  /**
   * The environment this configuration was read from. Modules read their own settings from it
   * (with the readers of env-readers.ts) so that tests can pass settings without touching process.env.
   */
  readonly source: Env;
  readonly host: string;
  readonly port: number;
  /** Module names hosted by this process; undefined means all of them. */
  readonly modules: readonly string[] | undefined;
  readonly database: DatabaseConfig;
  readonly http: {
    readonly bodyLimitBytes: number;
    readonly corsOrigins: readonly string[];
    readonly trustProxy: boolean;
    /** Serve the OpenAPI UI and document (`/docs`, `/docs-json`); off in production unless `DOCS_ENABLED=true`. */
    readonly docsEnabled: boolean;
    /**
     * `ADMIN_DEV_SERVER_URL` (http or https): the admin console at `/admin` is proxied to this Vite
     * dev server instead of served from `dist/admin`; undefined = serve the build.
     */
    readonly adminDevServerUrl: string | undefined;
  };
  /**
   * Bearer token that opens `/metrics` and readiness details (`METRICS_TOKEN`). Unset: they are
   * open in development and tests, closed in production.
   */
  readonly metricsToken: string | undefined;
  readonly messaging: MessagingConfig;
  readonly broker: BrokerConfig;
  readonly gateway: GatewayConfig;
  readonly auth: AuthConfig;
  readonly redis: RedisConfig;
  readonly log: { readonly level: (typeof LOG_LEVELS)[number]; readonly pretty: boolean };
  readonly shutdownTimeoutMs: number;
}

/** Reads and validates every setting once; throws a {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  return {
    env: nodeEnv,
    source: Object.freeze({ ...env }),
    host: readString(env, 'HOST', '0.0.0.0'),
    port: readInt(env, 'PORT', 3000, 0, 65535),
    modules: readModules(env),
    database: {
      url: readUrl(env, 'DATABASE_URL', POSTGRES),
      moduleUrls: readModuleUrls(env),
      poolSize: readInt(env, 'DATABASE_POOL_SIZE', 5, 1, 200),
      rolePassword: readString(env, 'DATABASE_ROLE_PASSWORD'),
      migrationsRun: readBool(env, 'MIGRATIONS_RUN', true),
      applicationName: readApplicationName(env),
      preparedStatements: readBool(env, 'DATABASE_PREPARED_STATEMENTS', true),
      embedded: {
        dir: resolve(readString(env, 'EMBEDDED_PG_DIR', '.data/postgres')),
        port: readInt(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
      },
    },
    http: {
      bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
      corsOrigins: readList(env, 'CORS_ORIGINS') ?? [],
      trustProxy: readBool(env, 'TRUST_PROXY', false),
      docsEnabled: readBool(env, 'DOCS_ENABLED', nodeEnv !== 'production'),
      adminDevServerUrl: readUrl(env, 'ADMIN_DEV_SERVER_URL', ['http', 'https']),
    },
    metricsToken: readSecret(env, 'METRICS_TOKEN'),
    messaging: {
      pollIntervalMs: readInt(env, 'OUTBOX_POLL_MS', 500, 10, 60_000),
      batchSize: readInt(env, 'OUTBOX_BATCH_SIZE', 100, 1, 10_000),
      deliveryConcurrency: readInt(env, 'OUTBOX_DELIVERY_CONCURRENCY', 16, 1, 1000),
      concurrentBatches: readInt(env, 'OUTBOX_CONCURRENT_BATCHES', 4, 1, 64),
      maxAttempts: readInt(env, 'OUTBOX_MAX_ATTEMPTS', 10, 1, 1000),
      retryBaseMs: readInt(env, 'OUTBOX_RETRY_BASE_MS', 500, 1, 3_600_000),
      retryMaxMs: readInt(env, 'OUTBOX_RETRY_MAX_MS', 300_000, 1, 86_400_000),
      outboxRetentionHours: readInt(env, 'OUTBOX_RETENTION_HOURS', 72, 1, 24 * 365),
      inboxRetentionHours: readInt(env, 'INBOX_RETENTION_HOURS', 168, 1, 24 * 365),
      requestTimeoutMs: readInt(env, 'MESSAGE_TIMEOUT_MS', 5000, 10, 600_000),
      relayEnabled: readBool(env, 'OUTBOX_RELAY', true),
      leaseMs: readInt(env, 'OUTBOX_LEASE_MS', 10_000, 0, 3_600_000),
      batchMaxSize: readInt(env, 'MESSAGE_BATCH_MAX', 32, 1, 1000),
      batchConcurrency: readInt(env, 'MESSAGE_BATCH_CONCURRENCY', 2, 1, 64),
      listen: readBool(env, 'OUTBOX_LISTEN', true),
      idlePollMaxMs: readInt(env, 'OUTBOX_IDLE_POLL_MAX_MS', 8_000, 10, 3_600_000),
    },
    broker: readBroker(env),
    gateway: {
      routes: readGatewayRoutes(env),
      timeoutMs: readInt(env, 'GATEWAY_TIMEOUT_MS', 30_000, 100, 600_000),
    },
    auth: readAuth(env, nodeEnv),
    redis: { url: readUrl(env, 'REDIS_URL', ['redis', 'rediss']), prefix: readRedisPrefix(env) },
    log: {
      level: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
      // Readable lines for a person at a terminal in development; JSON lines everywhere else.
      pretty: readBool(env, 'LOG_PRETTY', nodeEnv === 'development' && process.stdout.isTTY === true),
    },
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
}

function readApplicationName(env: Env): string {
  const name = readString(env, 'DATABASE_APPLICATION_NAME', 'arcade');
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(name)) {
    throw new ConfigError('DATABASE_APPLICATION_NAME', 'must be 1–40 letters, digits, ".", "_" or "-"');
  }
  return name;
}

function readModules(env: Env): string[] | undefined {
  const modules = readList(env, 'MODULES');
  if (modules === undefined || modules.includes('all')) return undefined;
  const bad = modules.find((name) => !/^[a-z][a-z0-9_]*$/.test(name));
  if (bad !== undefined || modules.length === 0) {
    throw new ConfigError('MODULES', `must be a comma-separated list of module names or "all" (got "${env.MODULES}")`);
  }
  return [...new Set(modules)];
}

function readModuleUrls(env: Env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    const match = /^DATABASE_URL_([A-Z][A-Z0-9_]*)$/.exec(name);
    const url = match && readUrl(env, name, POSTGRES);
    if (match && url) urls[match[1].toLowerCase()] = url;
  }
  return urls;
}

function readGatewayRoutes(env: Env): GatewayRoute[] {
  const routes: GatewayRoute[] = [];
  for (const entry of readList(env, 'GATEWAY_ROUTES') ?? []) {
    const separator = entry.indexOf('=');
    const module = entry.slice(0, separator).trim();
    const upstream = readUrl({ GATEWAY_ROUTES: entry.slice(separator + 1) }, 'GATEWAY_ROUTES', ['http', 'https']);
    if (separator <= 0 || !/^[a-z][a-z0-9_]*$/.test(module) || upstream === undefined) {
      throw new ConfigError('GATEWAY_ROUTES', `must be a list of <module>=<http(s) URL> (got "${redact(entry)}")`);
    }
    if (routes.some((route) => route.module === module)) {
      throw new ConfigError('GATEWAY_ROUTES', `routes the module "${module}" twice`);
    }
    routes.push({ module, upstream: upstream.replace(/\/+$/, '') });
  }
  return routes;
}

function readRedisPrefix(env: Env): string {
  const prefix = readString(env, 'REDIS_PREFIX', 'arcade');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new ConfigError('REDIS_PREFIX', `must be 1–64 letters, digits, "_", "." or "-" (got "${prefix}")`);
  }
  return prefix;
}

function readBroker(env: Env): BrokerConfig {
  const prefix = readString(env, 'BROKER_PREFIX', 'arcade');
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(prefix)) {
    throw new ConfigError(
      'BROKER_PREFIX',
      `must be letters, digits, "_" or "-", starting with a letter (got "${prefix}")`,
    );
  }
  const streamBase = prefix.toUpperCase().replace(/-/g, '_');
  const stream = readString(env, 'BROKER_STREAM', `${streamBase}_EVENTS`);
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(stream)) {
    throw new ConfigError('BROKER_STREAM', `must be letters, digits, "_" or "-" (got "${stream}")`);
  }
  const redeliveryBaseMs = readInt(env, 'BROKER_REDELIVERY_BASE_MS', 1000, 1, 3_600_000);
  return {
    url: readUrl(env, 'BROKER_URL', ['nats', 'tls']),
    prefix,
    stream,
    deadLetterStream: `${stream}_DEAD_LETTERS`,
    maxDeliveries: readInt(env, 'BROKER_MAX_DELIVERIES', 10, 1, 1000),
    redeliveryBaseMs,
    redeliveryMaxMs: readInt(env, 'BROKER_REDELIVERY_MAX_MS', 300_000, redeliveryBaseMs, 86_400_000),
    ackWaitMs: readInt(env, 'BROKER_ACK_WAIT_MS', 30_000, 1000, 3_600_000),
    duplicateWindowMs: readInt(env, 'BROKER_DUPLICATE_WINDOW_MS', 600_000, 1000, 86_400_000),
    connectTimeoutMs: readInt(env, 'BROKER_CONNECT_TIMEOUT_MS', 5000, 0, 600_000),
  };
}
