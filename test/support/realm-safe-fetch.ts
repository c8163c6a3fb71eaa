/**
 * Jest runs each test file in its own VM realm, but Node's fetch throws errors from the main realm.
 * The provider SDKs normalise a thrown value with `instanceof Error`, which is false across realms,
 * so under Jest a client-side timeout (an `AbortError`) loses its name and the SDK reports a generic
 * `APIConnectionError` instead of `APIConnectionTimeoutError` — unlike in production. Pass this as
 * the SDK's `fetch` option in tests that tell timeouts from other connection failures: it re-throws
 * fetch errors as errors of the test's realm, keeping name, message and cause.
 */
export const realmSafeFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (error instanceof Error || typeof error !== 'object' || error === null) throw error;
    const foreign = error as { name?: string; message?: string; cause?: unknown };
    throw Object.assign(new Error(foreign.message ?? 'fetch failed', { cause: foreign.cause }), {
      name: foreign.name ?? 'Error',
    });
  }
};
