import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts the HTTP attempts an SDK makes within one call (its retries are invisible otherwise). */
const attempts = new AsyncLocalStorage<{ count: number }>();

/** The `fetch` given to the SDKs: the platform's, counting attempts of the call under way. */
export const countingFetch: typeof fetch = (input, init) => {
  const counter = attempts.getStore();
  if (counter) counter.count += 1;
  return fetch(input, init);
};

/** Runs one SDK call and returns its result with the number of attempts it made. */
export async function countingAttempts<T>(
  call: () => Promise<T>,
): Promise<{ result: T; attempts: number } | { error: unknown; attempts: number }> {
  const counter = { count: 0 };
  try {
    const result = await attempts.run(counter, call);
    return { result, attempts: counter.count };
  } catch (error) {
    return { error, attempts: counter.count };
  }
}
