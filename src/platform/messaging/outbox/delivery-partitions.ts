import { MessageEnvelope } from '../contracts';

/** Fields that name what a message is about, most specific first. */
const SUBJECT_FIELDS = ['orderId', 'cartId', 'paymentId', 'productId', 'variantId', 'userId', 'customerId'] as const;

/**
 * What a message is about, e.g. `orderId:…`: messages about the same thing are delivered in the
 * order they were written, messages about different things in parallel. A message that names
 * none of the usual ids falls back to its type, so those stay in order with their own kind.
 */
export function partitionKeyOf(envelope: MessageEnvelope): string {
  const body = envelope.kind === 'event' ? envelope.body.payload : envelope.body;
  if (body !== null && typeof body === 'object') {
    for (const field of SUBJECT_FIELDS) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.length > 0) return `${field}:${value}`;
    }
  }
  return `type:${envelope.type}`;
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
