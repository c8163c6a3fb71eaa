import { Attributes } from '@opentelemetry/api';
import { problemDataOf } from '../errors';
import { linkTo, TraceCarrier } from '../observability/tracing';
import { MessageEnvelope, orderingKeyOf, ownerOf } from './contracts';
import { RemoteProblemError } from './messaging-errors';

/** Attribute names of Arcade's messaging spans (semantic-convention ones where they exist, ADR 0119). */
export const MESSAGE_ATTRIBUTE = {
  system: 'messaging.system',
  operation: 'messaging.operation.type',
  destination: 'messaging.destination.name',
  messageId: 'messaging.message.id',
  conversationId: 'messaging.message.conversation_id',
  consumerGroup: 'messaging.consumer.group.name',
  module: 'arcade.module',
  kind: 'arcade.message.kind',
  type: 'arcade.message.type',
  causationId: 'arcade.causation_id',
  key: 'arcade.message.key',
  attempt: 'arcade.attempt',
  handler: 'arcade.handler',
  delivery: 'arcade.outbox.delivery',
} as const;

/**
 * What a span about `envelope` says of it: its type, kind, id, owning module, correlation, and
 * what it is about when its contract declares an ordering key (`arcade.message.key`: for the
 * checkout's messages, the order's id).
 */
export function messageAttributes(envelope: MessageEnvelope, extra: Attributes = {}): Attributes {
  const attributes: Attributes = {
    [MESSAGE_ATTRIBUTE.type]: envelope.type,
    [MESSAGE_ATTRIBUTE.kind]: envelope.kind,
    [MESSAGE_ATTRIBUTE.messageId]: envelope.id,
    [MESSAGE_ATTRIBUTE.module]: ownerOf(envelope.type),
    [MESSAGE_ATTRIBUTE.conversationId]: envelope.correlationId,
    [MESSAGE_ATTRIBUTE.destination]: envelope.type,
  };
  if (envelope.causationId) attributes[MESSAGE_ATTRIBUTE.causationId] = envelope.causationId;
  const key = orderingKeyOf(envelope.type, envelope.body);
  if (key) attributes[MESSAGE_ATTRIBUTE.key] = key;
  return { ...attributes, ...extra };
}

/** A refusal by the handler (a problem the caller gets), not a failure of it. */
export function isRejection(error: unknown): boolean {
  return error instanceof RemoteProblemError || problemDataOf(error) !== undefined;
}

/** A link to where the message was written, for a delivery that is not the first one. */
export function linkToWriter(carrier: TraceCarrier | undefined, attempt: number) {
  return linkTo(carrier, { 'arcade.link': 'redelivery', [MESSAGE_ATTRIBUTE.attempt]: attempt });
}
