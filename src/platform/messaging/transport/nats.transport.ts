import { Injectable } from '@nestjs/common';
import { ErrorCode, Msg, NatsError } from 'nats';
import { messageOf } from '../../errors';
import { MessageEnvelope, ownerOf } from '../contracts';
import { MessageTimeoutError, ModuleUnreachableError } from '../messaging-errors';
import { MessageTransport } from './message-transport';
import { BrokerUnavailableError, NatsBroker } from './nats-broker';
import { decodeJson, encodeJson, envelopeHeaders, errorOfReply, RpcReply } from './nats-codec';

/**
 * Carries messages between processes over NATS: commands and queries by request/reply to the
 * owning module's subject, integration events into the JetStream events stream (message id =
 * event id, so a republished event is stored once). Replies and consumers live in
 * {@link NatsResponders} and {@link NatsEventConsumers}.
 */
@Injectable()
export class NatsTransport implements MessageTransport {
  readonly name = 'nats';

  constructor(private readonly broker: NatsBroker) {}

  /** Resolves once JetStream stored every event; throws while the broker is down (the outbox retries). */
  async publish(events: readonly MessageEnvelope[]): Promise<void> {
    const { js } = this.broker.client();
    for (const event of events) {
      await js.publish(this.broker.subjects.event(event.type), encodeJson(event), {
        msgID: event.id,
        headers: envelopeHeaders(event),
      });
    }
  }

  /**
   * Throws {@link ModuleUnreachableError} (or its {@link MessageTimeoutError}) when no process
   * answers, and otherwise the error the owner's handler raised, as the transport carried it.
   */
  async request(message: MessageEnvelope, timeoutMs: number): Promise<unknown> {
    const module = ownerOf(message.type);
    let reply: Msg;
    try {
      const { nc } = this.broker.client();
      reply = await nc.request(this.broker.subjects.rpc(module), encodeJson(message), {
        timeout: timeoutMs,
        headers: envelopeHeaders(message),
      });
    } catch (error) {
      if (error instanceof NatsError && error.code === ErrorCode.Timeout) {
        throw new MessageTimeoutError(module, message.type, timeoutMs);
      }
      throw new ModuleUnreachableError(module, message.type, reasonOf(error));
    }
    const answer = decodeJson<RpcReply>(reply.data);
    if (answer.ok) return answer.result;
    throw errorOfReply(answer, module, message.type);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof BrokerUnavailableError) return error.message;
  if (error instanceof NatsError && error.code === ErrorCode.NoResponders) return 'no running process hosts it';
  return `the message broker failed (${messageOf(error)})`;
}
