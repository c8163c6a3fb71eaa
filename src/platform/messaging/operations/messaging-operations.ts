import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ModuleDataSources } from '../../database';
import { metricsRegistry } from '../../observability/http-metrics';
import { messageOf } from '../../errors';
import { DeadLettersUnreachableError, ReplayFailedError } from '../messaging-errors';
import { OutboxRelays } from '../outbox/outbox-relays';
import { MESSAGE_TRANSPORT, MessageTransport } from '../transport/message-transport';
import { NatsBroker } from '../transport/nats-broker';
import { NatsDeadLetters } from '../transport/nats-dead-letters';
import { ConsumerLag, NatsEventConsumers } from '../transport/nats-event-consumers';

/**
 * One module's messaging as its database tells it. A module whose database does not answer is
 * `database: 'down'` with null counts (and its error), so one module's outage does not hide the others.
 */
export interface ModuleMessagingStatus {
  readonly module: string;
  /** Whether the module's database answered the status query. */
  readonly database: 'up' | 'down';
  readonly pending: number | null;
  readonly oldestPendingAgeSeconds: number | null;
  readonly deadLetters: number | null;
  /** Events this module's inbox remembers as handled (kept for deduplication until pruned). */
  readonly inbox: number | null;
  /** Why the database did not answer (down only). */
  readonly error?: string;
}

/** The broker as this process sees it (split mode only). */
export interface BrokerStatus {
  readonly connected: boolean;
  readonly stream: string;
  /** Per consuming module hosted here: events not yet handed over and not yet acked; null while disconnected. */
  readonly consumers: readonly ConsumerLag[] | null;
}

export interface DeadLetter {
  readonly id: string;
  readonly module: string;
  /** `outbox`: a message its module could not deliver; `broker`: an event a consuming module here could not handle. */
  readonly source: 'outbox' | 'broker';
  readonly kind: string;
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly correlationId: string;
  /** The message's body as it was written (the envelope's `body`). */
  readonly payload: Record<string, unknown>;
}

/** Where one outbox message is now: waiting (or retried), delivered, or parked as a dead letter. */
export interface OutboxMessageState {
  readonly id: string;
  /** The module whose outbox holds it. */
  readonly module: string;
  readonly type: string;
  readonly status: 'pending' | 'delivered' | 'dead';
  /** Delivery attempts since it was written or last replayed. */
  readonly attempts: number;
  readonly lastError: string | null;
  /** When it was delivered (ISO 8601); null until then. */
  readonly deliveredAt: string | null;
}

/**
 * What replaying one of several dead letters did: put back in line, delivered, unknown, or failed
 * (failed again, or not found while `module`'s database did not answer).
 */
export type ReplayResult =
  | { readonly id: string; readonly outcome: 'pending' | 'delivered'; readonly module: string }
  | { readonly id: string; readonly outcome: 'not_found' }
  | { readonly id: string; readonly outcome: 'failed'; readonly module: string; readonly error: string };

const STATUS_SQL = `
  SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
         extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending'))::float AS oldest,
         count(*) FILTER (WHERE status = 'dead')::int AS dead,
         (SELECT count(*) FROM inbox)::int AS inbox
    FROM outbox WHERE status <> 'delivered'`;

// Metrics are process-wide; every running app instance (tests boot several) reports its modules.
const activeOperations = new Set<MessagingOperations>();

function gauge(name: string, help: string, pick: (s: ModuleMessagingStatus) => number | null): void {
  if (metricsRegistry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames: ['module'],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const operations of activeOperations) {
        for (const status of await operations.status().catch(() => [])) {
          if (status.database === 'up') this.set({ module: status.module }, pick(status) ?? 0);
        }
      }
    },
  });
}

/** What operators see and do about messaging: backlog, age, dead letters and their replay. */
@Injectable()
export class MessagingOperations implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly dataSources: ModuleDataSources,
    private readonly relays: OutboxRelays,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    private readonly broker: NatsBroker,
    private readonly consumers: NatsEventConsumers,
    private readonly brokerDeadLetters: NatsDeadLetters,
  ) {}

  onApplicationBootstrap(): void {
    activeOperations.add(this);
    gauge('arcade_outbox_pending', 'Outbox messages waiting for delivery', (s) => s.pending);
    gauge(
      'arcade_outbox_oldest_pending_age_seconds',
      'Age of the oldest undelivered outbox message',
      (s) => s.oldestPendingAgeSeconds,
    );
    gauge('arcade_outbox_dead_letters', 'Outbox messages parked as dead letters', (s) => s.deadLetters);
  }

  beforeApplicationShutdown(): void {
    activeOperations.delete(this);
  }

  get transportName(): string {
    return this.transport.name;
  }

  /** Connection and consumer lag; undefined when no broker is configured. */
  async brokerStatus(): Promise<BrokerStatus | undefined> {
    if (!this.broker.enabled) return undefined;
    const connected = this.broker.isConnected();
    const consumers = connected ? await this.consumers.lag().catch(() => null) : null;
    return { connected, stream: this.broker.config.stream, consumers };
  }

  async status(): Promise<ModuleMessagingStatus[]> {
    return Promise.all(
      this.dataSources.entries().map(async ([module, dataSource]): Promise<ModuleMessagingStatus> => {
        try {
          const [row] = (await dataSource.query(STATUS_SQL)) as {
            pending: number;
            oldest: number | null;
            dead: number;
            inbox: number;
          }[];
          return {
            module,
            database: 'up',
            pending: row.pending,
            oldestPendingAgeSeconds: row.oldest,
            deadLetters: row.dead,
            inbox: row.inbox,
          };
        } catch (error) {
          return {
            module,
            database: 'down',
            pending: null,
            oldestPendingAgeSeconds: null,
            deadLetters: null,
            inbox: null,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const lists = await Promise.all(
      this.dataSources.entries().map(async ([module, dataSource]) => {
        // A module whose database does not answer lists none (the overview reports it down).
        const rows = (await dataSource
          .query(
            `SELECT id, kind, type, attempts, last_error, created_at, correlation_id, body
               FROM outbox WHERE status = 'dead' ORDER BY seq LIMIT $1`,
            [limit],
          )
          .catch(() => [])) as {
          id: string;
          kind: string;
          type: string;
          attempts: number;
          last_error: string | null;
          created_at: Date;
          correlation_id: string;
          body: Record<string, unknown>;
        }[];
        return rows.map((r) => ({
          id: r.id,
          module,
          source: 'outbox' as const,
          kind: r.kind,
          type: r.type,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: new Date(r.created_at).toISOString(),
          correlationId: r.correlation_id,
          payload: r.body,
        }));
      }),
    );
    const parked = (await this.brokerDeadLetters.list(limit)).map((d): DeadLetter => ({
      ...d,
      source: 'broker',
      kind: 'event',
      createdAt: d.parkedAt,
    }));
    return [...lists.flat(), ...parked].slice(0, limit);
  }

  /**
   * An outbox dead letter is put back in line with fresh attempts (its relay is woken); an event
   * parked on the broker is handed to its consuming module at once (ReplayFailedError if it fails
   * again). Undefined when no dead letter has that id; {@link DeadLettersUnreachableError} when none
   * of the modules whose database answered has it and one module's database did not answer.
   */
  async replay(id: string): Promise<{ id: string; module: string; status: 'pending' | 'delivered' } | undefined> {
    let unanswered: { module: string; error: unknown } | undefined;
    for (const [module, dataSource] of this.dataSources.entries()) {
      let rows: [unknown[], number];
      try {
        rows = (await dataSource.query(
          `UPDATE outbox SET status = 'pending', attempts = 0, available_at = now()
            WHERE id = $1 AND status = 'dead' RETURNING id`,
          [id],
        )) as [unknown[], number];
      } catch (error) {
        unanswered ??= { module, error };
        continue;
      }
      if (rows[1] > 0) {
        this.relays.relay(module)?.wake();
        return { id, module, status: 'pending' };
      }
    }
    const parked = await this.brokerDeadLetters.replay(id);
    if (parked || !unanswered) return parked;
    throw new DeadLettersUnreachableError(id, unanswered.module, messageOf(unanswered.error));
  }

  /**
   * Where an outbox message is now, in whichever module's outbox holds it; undefined when none of
   * the modules whose database answered has it (unknown, or pruned after delivery).
   */
  async message(id: string): Promise<OutboxMessageState | undefined> {
    for (const [module, dataSource] of this.dataSources.entries()) {
      const rows = (await dataSource
        .query(`SELECT type, status, attempts, last_error, delivered_at FROM outbox WHERE id = $1`, [id])
        .catch(() => [])) as {
        type: string;
        status: OutboxMessageState['status'];
        attempts: number;
        last_error: string | null;
        delivered_at: Date | null;
      }[];
      const [row] = rows;
      if (row) {
        return {
          id,
          module,
          type: row.type,
          status: row.status,
          attempts: row.attempts,
          lastError: row.last_error,
          deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
        };
      }
    }
    return undefined;
  }

  /**
   * Replays several dead letters one after the other (see {@link replay}); one failing or unknown
   * id does not stop the others. Results in the order of `ids`.
   */
  async replayMany(ids: readonly string[]): Promise<ReplayResult[]> {
    const results: ReplayResult[] = [];
    for (const id of ids) {
      try {
        const replayed = await this.replay(id);
        results.push(
          replayed ? { id, outcome: replayed.status, module: replayed.module } : { id, outcome: 'not_found' },
        );
      } catch (error) {
        if (!(error instanceof ReplayFailedError) && !(error instanceof DeadLettersUnreachableError)) throw error;
        results.push({ id, outcome: 'failed', module: error.module, error: error.message });
      }
    }
    return results;
  }
}
