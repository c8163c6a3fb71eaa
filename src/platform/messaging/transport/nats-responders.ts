import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Msg, Subscription } from 'nats';
import { problemDataOf } from '../../errors';
import { MessageEnvelope, ownerOf } from '../contracts';
import { runAsHandlingOf } from '../envelopes';
import { MessageBus } from '../message-bus';
import { HOSTED_MODULES } from './message-transport';
import { NatsBroker } from './nats-broker';
import { ModuleUnreachableError } from '../messaging-errors';
import { decodeEnvelope, encodeJson, failureReply, RpcReply } from './nats-codec';

/**
 * Answers commands and queries for the modules hosted here: one subscription per module on its
 * request subject, in a queue group so the instances hosting a module share the requests.
 */
@Injectable()
export class NatsResponders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NatsResponders');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

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
    let envelope: MessageEnvelope | undefined;
    try {
      envelope = decodeEnvelope(msg.data);
      if (envelope.kind === 'event' || ownerOf(envelope.type) !== module) {
        this.logger.error(`${envelope.kind} ${envelope.type} reached the responder of ${module}; refused`);
        reply = { ok: false, failed: 'bad-message' };
      } else {
        reply = { ok: true, result: await this.bus.handleLocally(envelope) };
      }
    } catch (error) {
      if (!problemDataOf(error) && !(error instanceof ModuleUnreachableError)) {
        const log = (): void =>
          this.logger.error({ err: error }, `${envelope?.type ?? 'a request'} for ${module} failed unexpectedly`);
        if (envelope) runAsHandlingOf(envelope, log);
        else log();
      }
      reply = failureReply(error);
    }
    if (msg.reply) msg.respond(encodeJson(reply));
  }
}
