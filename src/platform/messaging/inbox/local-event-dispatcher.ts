import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { describeError, WiringError } from '../../errors';
import { contractTypeOf, IntegrationEvent, MessageEnvelope } from '../contracts';
import { fromEnvelope, runAsHandlingOf } from '../envelopes';
import { inSpan, SpanKind, tracingEnabled } from '../../observability/tracing';
import { MESSAGE_ATTRIBUTE, messageAttributes } from '../message-spans';
import { messagingMetrics } from '../messaging.metrics';
import { TransactionRunner } from '../transaction-runner';
import {
  INTEGRATION_EVENT_HANDLER,
  IntegrationEventHandler,
  IntegrationEventHandlerMetadata,
} from './integration-event-handler';

interface Subscription {
  readonly module: string;
  readonly name: string;
  readonly handler: IntegrationEventHandler<IntegrationEvent<unknown>>;
}

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
  private readonly logger = new Logger('Messaging');
  private readonly byType = new Map<string, Subscription[]>();
  private readonly observers: ((event: MessageEnvelope) => void)[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly transactions: TransactionRunner,
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
      for (const event of metadata.events) {
        const type = contractTypeOf(event);
        const list = this.byType.get(type) ?? [];
        list.push({
          module: metadata.module,
          name: metadata.name,
          handler: wrapper.instance as Subscription['handler'],
        });
        this.byType.set(type, list);
      }
    }
  }

  /** Event types with at least one subscriber in this process, and the modules that consume them. */
  subscriptions(): { type: string; module: string; handler: string }[] {
    return [...this.byType.entries()].flatMap(([type, subs]) =>
      subs.map((s) => ({ type, module: s.module, handler: s.name })),
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
    const subscriptions = (this.byType.get(envelope.type) ?? []).filter(
      (s) => !onlyModules || onlyModules.includes(s.module),
    );
    const outcomes = await Promise.allSettled(subscriptions.map((s) => this.deliverTo(s, envelope)));
    const failures = outcomes.flatMap((outcome, i) =>
      outcome.status === 'rejected' ? [`${subscriptions[i].name}: ${describeError(outcome.reason)}`] : [],
    );
    if (failures.length > 0) throw new DeliveryFailedError(failures.join('; '));
  }

  /** Hands the event to one subscriber; with tracing on, in a consumer span `handle <type>` (ADR 0119). */
  private deliverTo(subscription: Subscription, envelope: MessageEnvelope): Promise<unknown> {
    if (!tracingEnabled()) return this.handleIn(subscription, envelope);
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
        const handled = await this.handleIn(subscription, envelope);
        span?.setAttribute('arcade.inbox.duplicate', !handled);
      },
    );
  }

  /** Resolves true once the subscriber handled the event, false when its inbox had it already. */
  private handleIn(subscription: Subscription, envelope: MessageEnvelope): Promise<boolean> {
    return runAsHandlingOf(envelope, () =>
      this.transactions.run(subscription.module, async (tx) => {
        const recorded = (await tx.manager.query(
          'INSERT INTO inbox (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
          [envelope.id, subscription.name],
        )) as unknown[];
        if (recorded.length === 0) {
          messagingMetrics.duplicates.inc({ module: subscription.module });
          this.logger.debug(`${subscription.name} already handled ${envelope.type} ${envelope.id}; skipped`);
          return false;
        }
        await subscription.handler.handle(fromEnvelope(envelope), tx);
        return true;
      }),
    );
  }
}
