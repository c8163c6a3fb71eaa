import { MessageEnvelope, orderingKeyOf } from '../contracts';

/**
 * The delivery partition of a message: `key:<its ordering key>` when its contract declares one
 * (`@IntegrationEventContract(type, example, { key })`), so messages about the same thing are
 * delivered in the order they were written and messages about different things in parallel;
 * otherwise `type:<its type>`, so those stay in order with their own kind.
 */
export function partitionKeyOf(envelope: MessageEnvelope): string {
  const key = orderingKeyOf(envelope.type, envelope.body);
  return key === undefined ? `type:${envelope.type}` : `key:${key}`;
}

/** The bounded pool the relay delivers with (platform/jobs), here beside the partition keys it uses. */
export { deliverInPartitions } from '../../jobs';
