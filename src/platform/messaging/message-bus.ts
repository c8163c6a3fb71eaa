import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../config';
import { problemDataOf } from '../errors';
import { assertJsonSafe, Command, MessageEnvelope, ownerOf, Query, ResultOf } from './contracts';
import { fromEnvelope, runAsHandlingOf, toEnvelope } from './envelopes';
import { inSpan, SpanKind, tracingEnabled } from '../observability/tracing';
import { isRejection, MESSAGE_ATTRIBUTE, messageAttributes } from './message-spans';
import { CommandBatches } from './batching/command-batches';
import { RemoteProblemError } from './messaging-errors';
import { HOSTED_MODULES, MESSAGE_TRANSPORT, MessageTransport } from './transport/message-transport';

/**
 * The one way a module asks another for something. The message is serialized as if it crossed a
 * network; its owner handles it here when hosted by this process, otherwise the transport carries it.
 */
@Injectable()
export class MessageBus {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(HOSTED_MODULES) private readonly hosted: readonly string[],
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly batches: CommandBatches,
  ) {}

  execute<C extends Command<unknown>>(command: C): Promise<ResultOf<C>> {
    return this.send(toEnvelope(command)) as Promise<ResultOf<C>>;
  }

  query<Q extends Query<unknown>>(query: Q): Promise<ResultOf<Q>> {
    return this.send(toEnvelope(query)) as Promise<ResultOf<Q>>;
  }

  isHosted(module: string): boolean {
    return this.hosted.includes(module);
  }

  /**
   * Sends an already serialized command or query to its owner, wherever it runs. With tracing on,
   * the dispatch is a span (`send <type>`): internal when handled here, a client span when the
   * transport carries it (its context then travels in the message's headers, ADR 0119).
   */
  send(envelope: MessageEnvelope): Promise<unknown> {
    const local = this.isHosted(ownerOf(envelope.type));
    const dispatch = (): Promise<unknown> =>
      local ? this.handleLocally(envelope) : this.transport.request(envelope, this.config.messaging.requestTimeoutMs);
    if (!tracingEnabled()) return dispatch();
    return inSpan(
      `send ${envelope.type}`,
      {
        kind: local ? SpanKind.INTERNAL : SpanKind.CLIENT,
        isRejection,
        attributes: messageAttributes(envelope, {
          [MESSAGE_ATTRIBUTE.operation]: 'send',
          [MESSAGE_ATTRIBUTE.system]: local ? 'arcade.in-process' : 'nats',
        }),
      },
      dispatch,
    );
  }

  /**
   * Handles a command or query whose owner runs in this process (also used by transports). A
   * problem the handler raises crosses back as data (a {@link RemoteProblemError}), exactly as over
   * a network; any other error is rethrown as it is. A command whose handler is batched goes
   * through its batches (ADR 0123).
   */
  async handleLocally(envelope: MessageEnvelope): Promise<unknown> {
    const message = fromEnvelope<object>(envelope);
    try {
      const batches = envelope.kind === 'command' ? this.batches.of(envelope.type) : undefined;
      const result = batches
        ? await batches.submit({ envelope, message })
        : await runAsHandlingOf(envelope, () =>
            envelope.kind === 'query'
              ? this.queryBus.execute(message as never)
              : this.commandBus.execute(message as never),
          );
      if (result === undefined) return undefined;
      assertJsonSafe(result, `${envelope.type} result`);
      return JSON.parse(JSON.stringify(result)) as unknown;
    } catch (error) {
      const problem = problemDataOf(error);
      throw problem ? new RemoteProblemError(problem) : error;
    }
  }
}
