import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  connect,
  Events,
  JetStreamClient,
  JetStreamManager,
  nanos,
  NatsConnection,
  NatsError,
  RetentionPolicy,
  StorageType,
  StreamConfig,
} from 'nats';
import { HealthIndicatorResult } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig, BrokerConfig, redact } from '../../config';
import { ReadinessChecks } from '../../observability/readiness-checks';
import { NatsSubjects } from './nats-subjects';

/** How long the broker keeps events: consumers that fall further behind lose them (the outbox does not). */
const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;
const SETUP_RETRY_MS = 2000;

/** Thrown when the broker is needed but not connected; callers turn it into a retry or a 503. */
export class BrokerUnavailableError extends Error {
  override name = 'BrokerUnavailableError';
}

export interface BrokerClients {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

/**
 * The process's one NATS connection. It connects at boot and reconnects forever; the streams are
 * made sure of once connected. Boot waits for the broker at most `BROKER_CONNECT_TIMEOUT_MS`, then
 * goes on (readiness stays down) and finishes the set-up in the background once the broker answers.
 */
@Injectable()
export class NatsBroker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly subjects: NatsSubjects;
  readonly config: BrokerConfig;
  private readonly logger = new Logger('NatsBroker');
  private clients: BrokerClients | undefined;
  private connected = false;
  private closing = false;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private starting: Promise<unknown> | undefined;
  private connection: NatsConnection | undefined;

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig, readiness: ReadinessChecks) {
    this.config = appConfig.broker;
    this.subjects = new NatsSubjects(this.config.prefix);
    if (this.enabled) readiness.add(() => this.health());
  }

  /** Whether this process uses the broker at all (BROKER_URL set); otherwise everything here is idle. */
  get enabled(): boolean {
    return this.config.url !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    this.starting = this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'could not connect to the message broker'),
    );
    await this.bootWait(this.starting, 'connecting to the message broker');
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const nc = this.connection;
    this.clients = undefined;
    this.connection = undefined;
    this.connected = false;
    if (nc && !nc.isClosed()) {
      // drain flushes what is still buffered (e.g. replies) before closing
      await nc.drain().catch(() => nc.close());
    }
  }

  /**
   * Runs `start` once the broker is ready. Boot waits for it as long as it waits for the broker;
   * after that it finishes in the background.
   */
  async whenReady(what: string, start: () => Promise<void>): Promise<void> {
    if (!this.enabled) return;
    const started = this.ready.then(() => (this.closing ? undefined : start()));
    await this.bootWait(
      started.catch((error: unknown) => this.logger.error({ err: error }, `${what} failed`)),
      what,
    );
  }

  /** The connection and JetStream clients; throws {@link BrokerUnavailableError} while disconnected. */
  client(): BrokerClients {
    if (!this.clients || !this.connected) {
      throw new BrokerUnavailableError(`the message broker (${redact(this.config.url ?? '')}) is not connected`);
    }
    return this.clients;
  }

  isConnected(): boolean {
    return this.connected && this.clients !== undefined;
  }

  /** The readiness check: down while disconnected or before the streams are set up. */
  health(): HealthIndicatorResult<'broker'> {
    const details = { transport: 'nats', url: redact(this.config.url ?? ''), stream: this.config.stream };
    if (this.isConnected()) return { broker: { status: 'up', ...details } };
    return { broker: { status: 'down', ...details, message: this.clients ? 'disconnected' : 'not connected yet' } };
  }

  /** Servers before 2.10 accept a single filter subject per consumer. */
  supportsMultipleFilters(): boolean {
    const [major, minor] = (this.connection?.info?.version ?? '0.0.0').split('.').map(Number);
    return major > 2 || (major === 2 && minor >= 10);
  }

  private async start(): Promise<void> {
    const nc = await connect({
      servers: this.config.url,
      name: `arcade-${process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      waitOnFirstConnect: true,
    });
    if (this.closing) {
      await nc.close();
      return;
    }
    this.connection = nc;
    this.connected = true;
    void this.watch(nc);
    this.logger.log(`connected to ${redact(this.config.url ?? '')} (server ${nc.info?.version ?? '?'})`);
    while (!this.closing) {
      try {
        const jsm = await nc.jetstreamManager();
        await this.ensureStreams(jsm);
        this.clients = { nc, js: nc.jetstream(), jsm };
        this.markReady();
        return;
      } catch (error) {
        this.logger.error({ err: error }, `could not set up the JetStream streams; retrying in ${SETUP_RETRY_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, SETUP_RETRY_MS).unref());
      }
    }
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) {
        this.connected = false;
        if (!this.closing) this.logger.warn('lost the message broker; reconnecting');
      } else if (status.type === Events.Reconnect) {
        this.connected = true;
        this.logger.log('reconnected to the message broker');
      }
    }
  }

  private async ensureStreams(jsm: JetStreamManager): Promise<void> {
    const window = nanos(this.config.duplicateWindowMs);
    await this.ensureStream(jsm, {
      name: this.config.stream,
      subjects: [this.subjects.allEvents()],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(EVENT_RETENTION_MS),
      duplicate_window: window,
    });
    await this.ensureStream(jsm, {
      name: this.config.deadLetterStream,
      subjects: [this.subjects.allDeadLetters()],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: 0,
      duplicate_window: window,
    });
  }

  private async ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
    try {
      const info = await jsm.streams.info(config.name);
      if (info.config.duplicate_window !== config.duplicate_window) {
        await jsm.streams.update(config.name, { ...info.config, duplicate_window: config.duplicate_window });
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }

  private async bootWait(work: Promise<unknown>, what: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      work.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.config.connectTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!waited && !this.closing) {
      this.logger.warn(
        `${what}: the broker did not answer within ${this.config.connectTimeoutMs} ms; going on in the background`,
      );
    }
  }
}

/** A JetStream "not found" answer (stream or consumer). */
export function isNotFound(error: unknown): boolean {
  return error instanceof NatsError && (error.api_error?.code === 404 || error.code === '404');
}
