import { request } from '../../api';

/** A message its module could not deliver (outbox), or an event a consumer here could not handle (broker). */
export interface DeadLetter {
  readonly id: string;
  readonly module: string;
  readonly source: 'outbox' | 'broker';
  readonly kind: string;
  /** The contract's name, e.g. `catalog.ProductCreated.v1`. */
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly correlationId: string;
  /** The message's body as it was written. */
  readonly payload: Record<string, unknown>;
  /** `this-process`, or the origin of the upstream that holds it (split topology). */
  readonly host: string;
}

/** What replaying one dead letter did: back in its outbox, delivered (broker), unknown, or failed again. */
export interface ReplayResult {
  readonly id: string;
  readonly outcome: 'pending' | 'delivered' | 'not_found' | 'failed';
  readonly module?: string;
  readonly error?: string;
}

/** Where one outbox message is now (GET /admin/messaging/messages/{id}). */
export interface OutboxMessage {
  readonly id: string;
  readonly module: string;
  readonly type: string;
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly host: string;
}

/** One upstream the gateway routes modules to, and whether it answered. */
export interface UpstreamStatus {
  readonly upstream: string;
  readonly reachable: boolean;
  readonly error?: string;
  readonly broker?: {
    readonly connected: boolean;
    readonly stream: string;
    /** Per consuming module the upstream hosts: events not yet handled; null while disconnected. */
    readonly consumers: readonly { readonly module: string; readonly pending: number }[] | null;
  };
}

/** The messaging calls of the console's Messaging page (GET /admin/messaging is in the shared client). */
export const messagingApi = {
  /** The newest dead letters of every module, wherever hosted (at most `limit`, 1–500). */
  deadLetters: (limit = 200) =>
    request<{ items: readonly DeadLetter[] }>(`/admin/messaging/dead-letters?limit=${limit}`),
  /** Where an outbox message is now, wherever its module runs; 404 when no outbox holds it. */
  message: (id: string) => request<OutboxMessage>(`/admin/messaging/messages/${encodeURIComponent(id)}`),
  /** Replays 1–100 dead letters in order; one result per id. */
  replay: (ids: readonly string[]) =>
    request<{ results: readonly ReplayResult[] }>('/admin/messaging/dead-letters/replay', {
      method: 'POST',
      body: { ids },
    }),
};
