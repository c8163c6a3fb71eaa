import { v7 as uuidv7 } from 'uuid';
import { RequestContext } from '../context';
import {
  assertJsonSafe,
  Command,
  contractTypeOf,
  IntegrationEvent,
  MessageEnvelope,
  Query,
  rebuild,
} from './contracts';

/** Serializes a message the way it would cross a network, checking it is JSON-safe. */
export function toEnvelope(message: Command<unknown> | Query<unknown> | IntegrationEvent<unknown>): MessageEnvelope {
  const type = contractTypeOf(message.constructor);
  assertJsonSafe(message, type);
  const body = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  if (message instanceof IntegrationEvent) {
    return {
      kind: 'event',
      type,
      id: message.eventId,
      correlationId: message.correlationId,
      causationId: message.causationId,
      body,
    };
  }
  const context = RequestContext.current();
  const id = uuidv7();
  return {
    kind: message instanceof Command ? 'command' : 'query',
    type,
    id,
    correlationId: context?.correlationId ?? id,
    causationId: context?.causationId ?? null,
    body,
  };
}

/** The message an envelope carries, as an instance of its contract class. */
export function fromEnvelope<T extends object>(envelope: MessageEnvelope): T {
  return rebuild<T>(envelope.type, envelope.body);
}

/** Runs `work` as the handling of `envelope`: its correlation flows on, and it becomes the causation. */
export function runAsHandlingOf<T>(envelope: MessageEnvelope, work: () => T): T {
  return RequestContext.run({ correlationId: envelope.correlationId, causationId: envelope.id }, work);
}
