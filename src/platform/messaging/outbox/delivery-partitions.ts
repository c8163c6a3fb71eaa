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

/**
 * Runs `deliver` over `items`: one partition at a time per worker, in order within a partition,
 * at most `concurrency` partitions at once. Settles every item before it rethrows a failure.
 */
export async function deliverInPartitions<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  concurrency: number,
  deliver: (item: T) => Promise<void>,
): Promise<void> {
  const partitions = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const partition = partitions.get(key);
    if (partition) partition.push(item);
    else partitions.set(key, [item]);
  }
  const queue = [...partitions.values()];
  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    for (let partition = queue.shift(); partition; partition = queue.shift()) {
      for (const item of partition) {
        try {
          await deliver(item);
        } catch (error) {
          failures.push(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  if (failures.length > 0) throw failures[0];
}
