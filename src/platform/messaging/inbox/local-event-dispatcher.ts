import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../../config';
import { describeError, WiringError } from '../../errors';
import { contractTypeOf, MessageEnvelope } from '../contracts';
import { inSpan, SpanKind, tracingEnabled } from '../../observability/tracing';
import { batchOptions } from '../batching/batch-options';
import { MESSAGE_ATTRIBUTE, messageAttributes } from '../message-spans';
import { TransactionRunner } from '../transaction-runner';
import { INTEGRATION_EVENT_HANDLER, IntegrationEventHandlerMetadata } from './integration-event-handler';
import { SubscriberInbox, Subscription } from './subscriber-inbox';

/** Thrown when some subscribers of an event failed; the outbox retries the event (the inbox skips the others). */
export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}

/**
 * Delivers an event to every subscriber hosted here. Each subscriber runs in its own module's
 * transaction and records the event in that module's inbox first, so a redelivery is a no-op.
 */
@Injectable()
export class LocalEventDispatcher implements OnModuleInit {
  private readonly byType = new Map<string, SubscriberInbox[]>();
  private readonly observers: ((event: MessageEnvelope) => void)[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Finds every subscriber. Start-up fails ({@link WiringError}) for a subscriber whose `module`
   * has no DataSource in this process (its inbox and effects would have nowhere to go) and for
   * two subscribers of one module sharing a name (one would swallow the other's events).
   */
  onModuleInit(): void {
    const identities = new Map<string, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const metadata = wrapper.metatype
        ? (Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, wrapper.metatype) as
            IntegrationEventHandlerMetadata | undefined)
        : undefined;
      if (!metadata || !wrapper.instance) continue;
      if (!this.transactions.hasModule(metadata.module)) {
        throw new WiringError(
          `${metadata.className} subscribes for module "${metadata.module}", which has no DataSource in this process (${this.transactions.modules().join(', ') || 'none'})`,
        );
      }
      const identity = `${metadata.module}/${metadata.name}`;
      const holder = identities.get(identity);
      if (holder !== undefined && holder !== metadata.className) {
        throw new WiringError(
          `${holder} and ${metadata.className} are both named "${metadata.name}" in ${metadata.module}'s inbox; give each its own name`,
        );
      }
      identities.set(identity, metadata.className);
      const inbox = new SubscriberInbox(
        {
          module: metadata.module,
          name: metadata.name,
          handler: wrapper.instance as Subscription['handler'],
          batch: metadata.batch ?? false,
        },
        this.transactions,
        batchOptions(this.config),
      );
      for (const event of metadata.events) {
        const type = contractTypeOf(event);
        const list = this.byType.get(type) ?? [];
        list.push(inbox);
        this.byType.set(type, list);
      }
    }
  }

  /** Event types with at least one subscriber in this process, and the modules that consume them. */
  subscriptions(): { type: string; module: string; handler: string }[] {
    return [...this.byType.entries()].flatMap(([type, inboxes]) =>
      inboxes.map(({ subscription: s }) => ({ type, module: s.module, handler: s.name })),
    );
  }

  /** Lets tests (and tools) watch every event this process delivers. */
  observe(observer: (event: MessageEnvelope) => void): () => void {
    this.observers.push(observer);
    return () => this.observers.splice(this.observers.indexOf(observer), 1);
  }

  /** Delivers to every local subscriber; resolves when all have committed, throws if any failed. */
  async dispatch(envelope: MessageEnvelope, onlyModules?: readonly string[]): Promise<void> {
    for (const observer of this.observers) observer(envelope);
    const inboxes = (this.byType.get(envelope.type) ?? []).filter(
      ({ subscription }) => !onlyModules || onlyModules.includes(subscription.module),
    );
    const outcomes = await Promise.allSettled(inboxes.map((inbox) => this.deliverTo(inbox, envelope)));
    const failures = outcomes.flatMap((outcome, i) =>
      outcome.status === 'rejected' ? [`${inboxes[i].subscription.name}: ${describeError(outcome.reason)}`] : [],
    );
    if (failures.length > 0) throw new DeliveryFailedError(failures.join('; '));
  }

  /** Hands the event to one subscriber; with tracing on, in a consumer span `handle <type>` (ADR 0119). */
  private deliverTo(inbox: SubscriberInbox, envelope: MessageEnvelope): Promise<unknown> {
    if (!tracingEnabled()) return inbox.receive(envelope);
    const { subscription } = inbox;
    return inSpan(
      `handle ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: messageAttributes(envelope, {
          [MESSAGE_ATTRIBUTE.operation]: 'process',
          [MESSAGE_ATTRIBUTE.module]: subscription.module,
          [MESSAGE_ATTRIBUTE.consumerGroup]: subscription.module,
          [MESSAGE_ATTRIBUTE.handler]: subscription.name,
        }),
      },
      async (span) => {
        const handled = await inbox.receive(envelope);
        span?.setAttribute('arcade.inbox.duplicate', !handled);
      },
    );
  }
}
