import { BatchItemFailure } from './batch-step';
import { BatchHandling, HandlerBatches, split } from './handler-batches';

/** A handling that records how messages were grouped, fails `poison`, and holds `hold` until released. */
function recording(keyOf?: (input: string) => string) {
  const calls: string[][] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const handling: BatchHandling<string, string> = {
    together: async (items) => {
      const inputs = items.map((item) => item.input);
      calls.push(inputs);
      const poison = inputs.indexOf('poison');
      if (poison >= 0) throw new BatchItemFailure(poison, new Error('poisoned'));
      return inputs.map((input) => input.toUpperCase());
    },
    alone: async ({ input }) => {
      calls.push([input]);
      if (input === 'hold') await held;
      if (input === 'poison') throw new Error('poisoned');
      return input.toUpperCase();
    },
    ...(keyOf ? { keyOf } : {}),
  };
  return { calls, handling, release };
}

describe('HandlerBatches', () => {
  it('runs a message at once when the handler is idle, and batches what queues meanwhile', async () => {
    const { calls, handling, release } = recording();
    const batches = new HandlerBatches('probe', handling, { maxSize: 3, concurrency: 1 });
    const results = ['hold', 'a', 'b', 'c', 'd'].map((input) => batches.submit(input));
    release();
    expect(await Promise.all(results)).toEqual(['HOLD', 'A', 'B', 'C', 'D']);
    expect(calls).toEqual([['hold'], ['a', 'b', 'c'], ['d']]);
  });

  it('fails only the poisoned message: the ones before and after it are retried together', async () => {
    const { calls, handling, release } = recording();
    const batches = new HandlerBatches('probe', handling, { maxSize: 10, concurrency: 1 });
    const results = ['hold', 'a', 'b', 'poison', 'c', 'd'].map((input) =>
      batches.submit(input).catch((error: Error) => error.message),
    );
    release();
    expect(await Promise.all(results)).toEqual(['HOLD', 'A', 'B', 'poisoned', 'C', 'D']);
    expect(calls).toEqual([['hold'], ['a', 'b', 'poison', 'c', 'd'], ['a', 'b'], ['poison'], ['c', 'd']]);
  });

  it('handles a batch in the order of its messages keys, stable within a key', async () => {
    const { calls, handling, release } = recording((input) => input[0]);
    const batches = new HandlerBatches('probe', handling, { maxSize: 10, concurrency: 1 });
    const results = ['hold', 'b1', 'a1', 'b2', 'a2'].map((input) => batches.submit(input));
    release();
    expect(await Promise.all(results)).toEqual(['HOLD', 'B1', 'A1', 'B2', 'A2']);
    expect(calls[1]).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('splits a batch that failed without naming a message in halves', () => {
    expect(split([1, 2, 3, 4, 5], new Error('commit refused'))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(split([1, 2, 3], new BatchItemFailure(0, new Error('x')))).toEqual([[1], [2, 3]]);
  });
});
