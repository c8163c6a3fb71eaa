import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AckPolicy, ConsumerConfig, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { describeError } from '../../errors';
import { backoffMs } from '../../retry';
import { MessageEnvelope } from '../contracts';
import { runAsHandlingOf } from '../envelopes';
import { LocalEventDispatcher } from '../inbox/local-event-dispatcher';
import { HOSTED_MODULES } from './message-transport';
import { isNotFound, NatsBroker } from './nats-broker';
import { decodeEnvelope, envelopeHeaders, HEADER, traceCarrierOf } from './nats-codec';
import { contextFrom, inSpan, SpanKind, tracingEnabled } from '../../observability/tracing';
import { linkToWriter, MESSAGE_ATTRIBUTE, messageAttributes } from '../message-spans';
import { brokerMetrics } from './nats.metrics';

/** Messages a consumer holds at once; unhandled ones go back to the broker after the ack wait. */
const PULL_BATCH = 16;

/** A durable consumer: normally one per consuming module (one per event type on servers before 2.10). */
interface ConsumerPlan {
  readonly module: string;
  readonly name: string;
  readonly filters: readonly string[];
}

export interface ConsumerLag {
  readonly module: string;
  readonly consumers: readonly string[];
  /** Events in the stream the module has not been handed yet. */
  readonly pending: number;
  /** Events handed over but not acked yet (being handled, or waiting for a redelivery). */
  readonly ackPending: number;
  readonly redelivered: number;
}

/**
 * Delivers integration events from JetStream to the modules hosted here. Each event is handed to
 * the module's subscribers through the inbox (`dispatch(envelope, [module])`) and acked only once
 * that transaction committed. A failure is nak'ed with an exponential back-off; after
 * `BROKER_MAX_DELIVERIES` the event is parked in the dead-letter stream (error log, metric)
 * instead of being retried forever or dropped.
 */
@Injectable()
export class NatsEventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NatsEventConsumers');
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private plans: ConsumerPlan[] = [];
  private stopping = false;

  constructor(
    private readonly broker: NatsBroker,
    private readonly dispatcher: LocalEventDispatcher,
    @Inject(HOSTED_MODULES) private readonly hosted: readonly string[],
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.broker.whenReady('starting the event consumers', () => this.start());
  }

  /** Stops pulling and lets the events being handled finish (before the databases close). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.map(({ messages }) => messages.close()));
    await Promise.allSettled(this.running.map(({ loop }) => loop));
  }

  /** The consuming modules hosted here and their consumers. */
  consumers(): readonly ConsumerPlan[] {
    return this.plans;
  }

  /** Per consuming module: what the broker still holds for it. */
  async lag(): Promise<ConsumerLag[]> {
    const { jsm } = this.broker.client();
    const byModule = new Map<string, ConsumerPlan[]>();
    for (const plan of this.plans) byModule.set(plan.module, [...(byModule.get(plan.module) ?? []), plan]);
    return Promise.all(
      [...byModule.entries()].map(async ([module, plans]) => {
        const infos = await Promise.all(plans.map((p) => jsm.consumers.info(this.broker.config.stream, p.name)));
        return {
          module,
          consumers: plans.map((p) => p.name),
          pending: infos.reduce((sum, i) => sum + i.num_pending, 0),
          ackPending: infos.reduce((sum, i) => sum + i.num_ack_pending, 0),
          redelivered: infos.reduce((sum, i) => sum + i.num_redelivered, 0),
        };
      }),
    );
  }

  private async start(): Promise<void> {
    this.plans = this.plan();
    const { js } = this.broker.client();
    for (const plan of this.plans) {
      await this.ensureConsumer(plan);
      const consumer = await js.consumers.get(this.broker.config.stream, plan.name);
      const messages = await consumer.consume({ max_messages: PULL_BATCH });
      this.running.push({ messages, loop: this.run(plan.module, messages) });
    }
  }

  private plan(): ConsumerPlan[] {
    const typesByModule = new Map<string, Set<string>>();
    for (const { type, module } of this.dispatcher.subscriptions()) {
      if (!this.hosted.includes(module)) continue;
      typesByModule.set(module, (typesByModule.get(module) ?? new Set()).add(type));
    }
    const subjects = this.broker.subjects;
    return [...typesByModule.entries()].flatMap(([module, types]) => {
      const sorted = [...types].sort();
      if (this.broker.supportsMultipleFilters()) {
        return [{ module, name: subjects.consumer(module), filters: sorted.map((t) => subjects.event(t)) }];
      }
      return sorted.map((type) => ({ module, name: subjects.consumer(module, type), filters: [subjects.event(type)] }));
    });
  }

  private async ensureConsumer(plan: ConsumerPlan): Promise<void> {
    const { jsm } = this.broker.client();
    const stream = this.broker.config.stream;
    const filter: Partial<ConsumerConfig> =
      plan.filters.length === 1 ? { filter_subject: plan.filters[0] } : { filter_subjects: [...plan.filters] };
    // The broker never gives up on its own (max_deliver -1): parking after too many deliveries is
    // decided here, so an event whose handler crashes the process is parked too, not dropped.
    const settings = { ack_wait: nanos(this.broker.config.ackWaitMs), max_deliver: -1, ...filter };
    try {
      const info = await jsm.consumers.info(stream, plan.name);
      const current = info.config.filter_subjects ?? (info.config.filter_subject ? [info.config.filter_subject] : []);
      if (info.config.ack_wait !== settings.ack_wait || current.join() !== plan.filters.join()) {
        await jsm.consumers.update(stream, plan.name, settings);
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(stream, {
        durable_name: plan.name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: 1000,
        ...settings,
      });
    }
  }

  private async run(module: string, messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      if (this.stopping) {
        msg.nak();
        continue;
      }
      await this.deliver(module, msg);
    }
  }

  private async deliver(module: string, msg: JsMsg): Promise<void> {
    let envelope: MessageEnvelope;
    try {
      envelope = decodeEnvelope(msg.data);
    } catch (error) {
      return this.park(module, msg, undefined, error);
    }
    const { maxDeliveries } = this.broker.config;
    const delivery = msg.info.deliveryCount;
    if (delivery > maxDeliveries) {
      // Delivered again without an outcome (the process died or the handler outlived the ack wait).
      return this.park(module, msg, envelope, new Error(`no outcome after ${delivery - 1} deliveries`));
    }
    try {
      await (tracingEnabled()
        ? this.tracedDispatch(module, msg, envelope)
        : this.dispatcher.dispatch(envelope, [module]));
      msg.ack();
    } catch (error) {
      if (delivery >= maxDeliveries) return this.park(module, msg, envelope, error);
      const delay = backoffMs(delivery, this.broker.config.redeliveryBaseMs, this.broker.config.redeliveryMaxMs);
      brokerMetrics.redeliveries.inc({ module });
      runAsHandlingOf(envelope, () =>
        this.logger.warn(
          `${module} failed ${envelope.type} ${envelope.id} (delivery ${delivery}), redelivering in ${delay} ms: ${describeError(error)}`,
        ),
      );
      msg.nak(delay);
    }
  }

  /**
   * Hands a JetStream delivery to the module's subscribers in a consumer span continuing the trace
   * of the relay that published it (the message's headers; else the writer's, in the envelope). A
   * redelivery is also linked to where the event was written, with its delivery count (ADR 0119).
   */
  private tracedDispatch(module: string, msg: JsMsg, envelope: MessageEnvelope): Promise<void> {
    const delivery = msg.info.deliveryCount;
    const link = delivery > 1 ? linkToWriter(envelope.traceContext, delivery) : undefined;
    return inSpan(
      `receive ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom(traceCarrierOf(msg.headers) ?? envelope.traceContext),
        links: link ? [link] : [],
        attributes: messageAttributes(envelope, {
          [MESSAGE_ATTRIBUTE.operation]: 'receive',
          [MESSAGE_ATTRIBUTE.system]: 'nats',
          [MESSAGE_ATTRIBUTE.destination]: msg.subject,
          [MESSAGE_ATTRIBUTE.consumerGroup]: module,
          [MESSAGE_ATTRIBUTE.module]: module,
          [MESSAGE_ATTRIBUTE.attempt]: delivery,
        }),
      },
      () => this.dispatcher.dispatch(envelope, [module]),
    );
  }

  /** Keeps the event in the dead-letter stream for inspection and replay, then stops its redelivery. */
  private async park(module: string, msg: JsMsg, envelope: MessageEnvelope | undefined, error: unknown): Promise<void> {
    const { js } = this.broker.client();
    const id = envelope?.id ?? `seq-${msg.seq}`;
    const extra = {
      [HEADER.error]: describeError(error).slice(0, 1000),
      [HEADER.deliveries]: String(msg.info.deliveryCount),
      [HEADER.consumer]: module,
    };
    try {
      await js.publish(this.broker.subjects.deadLetter(module, id), msg.data, {
        msgID: `${module}:${id}`,
        headers: envelopeHeaders(envelope, extra),
      });
    } catch (parkError) {
      // Not parked: keep it in the stream and try again later rather than lose it.
      this.logger.error({ err: parkError }, `could not park ${id} for ${module}; redelivering`);
      msg.nak(this.broker.config.redeliveryMaxMs);
      return;
    }
    msg.term();
    brokerMetrics.deadLetters.inc({ module });
    const log = (): void =>
      this.logger.error(
        { err: error, messageId: id },
        `${envelope?.type ?? 'an unreadable message'} parked as a dead letter of ${module} after ${msg.info.deliveryCount} deliveries`,
      );
    if (envelope) runAsHandlingOf(envelope, log);
    else log();
  }
}
