import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Msg, Subscription } from 'nats';
import { problemDataOf } from '../../errors';
import { MessageEnvelope, ownerOf } from '../contracts';
import { runAsHandlingOf } from '../envelopes';
import { MessageBus } from '../message-bus';
import { HOSTED_MODULES } from './message-transport';
import { NatsBroker } from './nats-broker';
import { ModuleUnreachableError } from '../messaging-errors';
import { decodeEnvelope, encodeJson, failureReply, RpcReply, traceCarrierOf } from './nats-codec';
import { contextFrom, inSpan, SpanKind, tracingEnabled } from '../../observability/tracing';
import { isRejection, MESSAGE_ATTRIBUTE, messageAttributes } from '../message-spans';

/**
 * Answers commands and queries for the modules hosted here: one subscription per module on its
 * request subject, in a queue group so the instances hosting a module share the requests.
 */
@Injectable()
export class NatsResponders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NatsResponders');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Replies being prepared, by message id (see {@link singleFlight}). */
  private readonly answering = new Map<string, Promise<RpcReply>>();

  constructor(
    private readonly broker: NatsBroker,
    private readonly bus: MessageBus,
    @Inject(HOSTED_MODULES) private readonly hosted: readonly string[],
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.broker.whenReady('starting the request responders', async () => {
      const { nc } = this.broker.client();
      for (const module of this.hosted) {
        this.subscriptions.push(
          nc.subscribe(this.broker.subjects.rpc(module), {
            queue: this.broker.subjects.rpcQueue(module),
            callback: (error, msg) => {
              if (error) return this.logger.error({ err: error }, `responder of ${module} failed`);
              const answering = this.answer(module, msg).finally(() => this.inFlight.delete(answering));
              this.inFlight.add(answering);
            },
          }),
        );
      }
      await nc.flush();
    });
  }

  /** Stops taking requests and lets those under way answer (before the databases close). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.drain()));
    await Promise.allSettled([...this.inFlight]);
  }

  private async answer(module: string, msg: Msg): Promise<void> {
    let reply: RpcReply;
    try {
      const envelope = decodeEnvelope(msg.data);
      reply = await this.singleFlight(envelope, () => this.handle(module, envelope, msg));
    } catch (error) {
      reply = this.failed(module, error, undefined);
    }
    if (msg.reply) msg.respond(encodeJson(reply));
  }

  /**
   * A request whose message is already being handled here (its sender timed out and retried it:
   * the relay redelivers an outbox row with the same id) waits for that handling and gets its
   * reply, instead of running the handler a second time beside the first. Without this, a slow
   * start after a crash let retries pile up faster than they were answered: every one timed out
   * and was retried again, and the module answered nothing until the senders gave up.
   */
  private singleFlight(envelope: MessageEnvelope, handle: () => Promise<RpcReply>): Promise<RpcReply> {
    const running = this.answering.get(envelope.id);
    if (running) return running;
    const answer = handle().finally(() => this.answering.delete(envelope.id));
    this.answering.set(envelope.id, answer);
    return answer;
  }

  private async handle(module: string, envelope: MessageEnvelope, msg: Msg): Promise<RpcReply> {
    if (envelope.kind === 'event' || ownerOf(envelope.type) !== module) {
      this.logger.error(`${envelope.kind} ${envelope.type} reached the responder of ${module}; refused`);
      return { ok: false, failed: 'bad-message' };
    }
    try {
      return { ok: true, result: await this.traced(envelope, msg) };
    } catch (error) {
      return this.failed(module, error, envelope);
    }
  }

  private failed(module: string, error: unknown, envelope: MessageEnvelope | undefined): RpcReply {
    if (!problemDataOf(error) && !(error instanceof ModuleUnreachableError)) {
      const log = (): void =>
        this.logger.error({ err: error }, `${envelope?.type ?? 'a request'} for ${module} failed unexpectedly`);
      if (envelope) runAsHandlingOf(envelope, log);
      else log();
    }
    return failureReply(error);
  }

  /** Handles a request; with tracing on, in a server span continuing the caller's trace (its headers). */
  private traced(envelope: MessageEnvelope, msg: Msg): Promise<unknown> {
    if (!tracingEnabled()) return this.bus.handleLocally(envelope);
    return inSpan(
      `handle ${envelope.type}`,
      {
        kind: SpanKind.SERVER,
        parent: contextFrom(traceCarrierOf(msg.headers)),
        isRejection,
        attributes: messageAttributes(envelope, {
          [MESSAGE_ATTRIBUTE.operation]: 'process',
          [MESSAGE_ATTRIBUTE.system]: 'nats',
          [MESSAGE_ATTRIBUTE.destination]: msg.subject,
        }),
      },
      () => this.bus.handleLocally(envelope),
    );
  }
}
