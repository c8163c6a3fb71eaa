import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MessagingConfig } from '../../config';
import { ModuleDataSources } from '../../database';
import { MessageEnvelope } from '../contracts';
import { MessageBus } from '../message-bus';
import { MESSAGE_TRANSPORT, MessageTransport } from '../transport/message-transport';
import { DataSource } from 'typeorm';
import { OutboxHandOff } from './outbox-hand-off';
import { OutboxListener } from './outbox-listener';
import { idlePollMaxMs, OutboxRelay } from './outbox-relay';

/** How long a listener that lost (or never got) its connection waits before it tries again, ms. */
const LISTEN_RETRY_MS = 30_000;

/**
 * One relay per hosted module, handed the rows that module commits (OutboxHandOff), and one
 * listener per database its modules live in, which wakes them when another connection makes rows
 * due (ADR 0122).
 */
@Injectable()
export class OutboxRelays implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relays = new Map<string, OutboxRelay>();
  private readonly listeners: OutboxListener[] = [];

  constructor(
    private readonly dataSources: ModuleDataSources,
    private readonly bus: MessageBus,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handOff: OutboxHandOff,
  ) {}

  onApplicationBootstrap(): void {
    for (const [module, dataSource] of this.dataSources.entries()) {
      const relay = new OutboxRelay(module, dataSource, (envelope) => this.deliver(envelope), this.relayConfig());
      this.relays.set(module, relay);
      this.handOff.attach(module, relay);
      if (this.config.messaging.relayEnabled) relay.start();
    }
    if (this.config.messaging.relayEnabled && this.config.messaging.listen && this.backsOff()) this.listen();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener.stop()));
    await Promise.all([...this.relays.values()].map((relay) => relay.stop()));
  }

  /** Whether an idle relay would poll less when it listens (else a listener would only cost a connection). */
  private backsOff(): boolean {
    return idlePollMaxMs(this.config.messaging) > this.config.messaging.pollIntervalMs;
  }

  /** Starts one listener per database (not per module: NOTIFYs are per database), in the background. */
  private listen(): void {
    const byDatabase = new Map<string, { url: string; relays: OutboxRelay[] }>();
    for (const [module, dataSource] of this.dataSources.entries()) {
      const url = urlOf(dataSource);
      const relay = this.relays.get(module);
      if (url === undefined || relay === undefined) continue;
      const key = databaseOf(url);
      const group = byDatabase.get(key) ?? { url, relays: [] };
      group.relays.push(relay);
      byDatabase.set(key, group);
    }
    for (const { url, relays } of byDatabase.values()) {
      const listener = new OutboxListener(url, relays, LISTEN_RETRY_MS, this.config.database.applicationName);
      this.listeners.push(listener);
      void listener.start();
    }
  }

  /**
   * Each batch in flight holds one of the module's pooled connections while its handlers need
   * others: two are always left to them, or a small pool could starve its own deliveries.
   */
  private relayConfig(): MessagingConfig {
    const { messaging, database } = this.config;
    return {
      ...messaging,
      concurrentBatches: Math.max(1, Math.min(messaging.concurrentBatches, database.poolSize - 2)),
    };
  }

  relay(module: string): OutboxRelay | undefined {
    return this.relays.get(module);
  }

  all(): OutboxRelay[] {
    return [...this.relays.values()];
  }

  private async deliver(envelope: MessageEnvelope): Promise<void> {
    if (envelope.kind === 'event') await this.transport.publish([envelope]);
    else await this.bus.send(envelope);
  }
}

function urlOf(dataSource: DataSource): string | undefined {
  const { url } = dataSource.options as { url?: string };
  return url;
}

/** Host, port and database of a connection URL: modules connecting as different roles share it. */
function databaseOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port}${parsed.pathname}?${parsed.searchParams.get('host') ?? ''}`;
}
