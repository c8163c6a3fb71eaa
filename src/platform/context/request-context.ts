import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and every message caused by one request or one message carries. */
export interface RequestContextData {
  readonly correlationId: string;
  /** Id of the message being handled, when there is one: the causation of what it sends. */
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
