/**
 * Runs `deliver` over `items`: one partition (the items sharing `keyOf`) at a time per worker, in
 * order within a partition, at most `concurrency` partitions at once (a bounded pool; items of
 * different partitions overtake each other, items of one never do). Settles every item before it
 * rethrows the first failure. Used by the outbox relay (partitions: ordering keys) and by a
 * module's webhook sender (partitions: the resource an event is about, so its events stay in order).
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
