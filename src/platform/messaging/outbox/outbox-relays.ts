import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MessagingConfig } from '../../config';
import { ModuleDataSources } from '../../database';
import { MessageEnvelope } from '../contracts';
import { MessageBus } from '../message-bus';
import { MESSAGE_TRANSPORT, MessageTransport } from '../transport/message-transport';
import { OutboxHandOff } from './outbox-hand-off';
import { OutboxRelay } from './outbox-relay';

/** One relay per hosted module, handed the rows that module commits (OutboxHandOff). */
@Injectable()
export class OutboxRelays implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relays = new Map<string, OutboxRelay>();

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
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.relays.values()].map((relay) => relay.stop()));
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
