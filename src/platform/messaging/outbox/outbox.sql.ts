import { EntityManager } from 'typeorm';
import { MessageEnvelope } from '../contracts';

export interface OutboxRow {
  readonly id: string;
  readonly kind: MessageEnvelope['kind'];
  readonly type: string;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly body: Record<string, unknown>;
  readonly trace_context: Record<string, string> | null;
  readonly attempts: number;
  readonly created_at: Date;
}

export function rowToEnvelope(row: OutboxRow): MessageEnvelope {
  return {
    kind: row.kind,
    type: row.type,
    id: row.id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    body: row.body,
    ...(row.trace_context ? { traceContext: row.trace_context } : {}),
  };
}

/**
 * Adds messages to the module's outbox inside the caller's transaction (one statement). With a
 * lease, polling relays leave them alone until it passes: this process's relay delivers them.
 */
export async function insertIntoOutbox(
  manager: EntityManager,
  envelopes: readonly MessageEnvelope[],
  leaseMs = 0,
): Promise<void> {
  if (envelopes.length === 0) return;
  const values: unknown[] = [leaseMs];
  const tuples = envelopes.map((envelope, i) => {
    values.push(
      envelope.id,
      envelope.kind,
      envelope.type,
      envelope.correlationId,
      envelope.causationId,
      envelope.body,
      envelope.traceContext ?? null,
    );
    const n = i * 7 + 1;
    return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, now() + make_interval(secs => $1::int / 1000.0))`;
  });
  await manager.query(
    `INSERT INTO outbox (id, kind, type, correlation_id, causation_id, body, trace_context, available_at) VALUES ${tuples.join(', ')}`,
    values,
  );
}

export const CLAIM_BATCH = `
  SELECT id, kind, type, correlation_id, causation_id, body, trace_context, attempts, created_at
    FROM outbox
   WHERE status = 'pending' AND available_at <= now()
   ORDER BY seq
   LIMIT $1
     FOR UPDATE SKIP LOCKED`;

/** Milliseconds until the next pending row comes due (≤ 0: one is due; NULL: none pending); reads outbox_due_idx. */
export const NEXT_DUE_IN_MS = `
  SELECT (extract(epoch FROM min(available_at) - clock_timestamp()) * 1000)::float8 AS ms
    FROM outbox WHERE status = 'pending'`;

export const MARK_DELIVERED = `
  UPDATE outbox SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_error = NULL
   WHERE id = ANY($1::uuid[])`;

/** Makes leased rows due now, for polling relays (a relay that stops hands back what it holds). */
export const RELEASE_LEASE = `
  UPDATE outbox SET available_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`;

export const MARK_FAILED = `
  UPDATE outbox
     SET attempts = attempts + 1,
         last_error = $2,
         available_at = now() + make_interval(secs => $3::double precision / 1000),
         status = CASE WHEN attempts + 1 >= $4 THEN 'dead' ELSE 'pending' END
   WHERE id = $1
  RETURNING status`;

export const PRUNE_DELIVERED = `
  DELETE FROM outbox WHERE status = 'delivered' AND delivered_at < now() - make_interval(hours => $1)`;

export const PRUNE_INBOX = `
  DELETE FROM inbox WHERE processed_at < now() - make_interval(hours => $1)`;
