import { createHash } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './messaging-errors';
import { Transaction } from './transaction';

/**
 * Storage of idempotent requests, in the module's own schema and transaction: a key is claimed, the
 * work done, and the answer recorded, so that the same key with the same request gets the same
 * answer. Reading the `Idempotency-Key` header is the HTTP edge's part (platform/http).
 */

/** A stored answer to an `Idempotency-Key` request. */
export interface IdempotentResponse<T> {
  readonly status: number;
  readonly body: T;
}

export interface IdempotencyKey {
  /** Whose key it is (keys are scoped per user). */
  readonly scope: string;
  readonly key: string;
  /** Anything that identifies the request's content; a different one under the same key is refused. */
  readonly request: unknown;
}

const TTL = `interval '24 hours'`;

function fingerprint(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * The answer already given to this key (same body), if any; a different body throws
 * {@link IdempotencyKeyReusedError} (422 at the HTTP edge). Cheap pre-check before a request does
 * expensive or non-repeatable work.
 */
export async function findIdempotentResponse<T>(
  query: { query(sql: string, params?: unknown[]): Promise<unknown> },
  key: IdempotencyKey,
): Promise<IdempotentResponse<T> | undefined> {
  const rows = (await query.query(
    `SELECT request_hash, response_status, response_body FROM idempotency_keys
      WHERE scope = $1 AND key = $2 AND created_at > now() - ${TTL}`,
    [key.scope, key.key],
  )) as { request_hash: string; response_status: number | null; response_body: T }[];
  if (rows.length === 0) return undefined;
  if (rows[0].request_hash !== fingerprint(key.request)) throw new IdempotencyKeyReusedError();
  return rows[0].response_status === null
    ? undefined
    : { status: rows[0].response_status, body: rows[0].response_body };
}

/**
 * Claims a key inside the caller's transaction, for work that cannot run in one transaction (a
 * provider call between two): `claimed` (go on, then {@link recordIdempotentResponse}), the stored
 * answer of an earlier request with the same body, or `unanswered` when the key was claimed and no
 * answer recorded yet (still running, or interrupted: the caller decides whether to resume or wait).
 * A concurrent claim of the same key waits for this transaction; a different body throws
 * {@link IdempotencyKeyReusedError}.
 */
export async function claimIdempotencyKey<T>(
  tx: Transaction,
  key: IdempotencyKey,
): Promise<'claimed' | 'unanswered' | IdempotentResponse<T>> {
  await tx.manager.query(
    `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at <= now() - ${TTL}`,
    [key.scope, key.key],
  );
  const claimed = (await tx.manager.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [key.scope, key.key, fingerprint(key.request)],
  )) as unknown[];
  if (claimed.length > 0) return 'claimed';
  return (await findIdempotentResponse<T>(tx.manager, key)) ?? 'unanswered';
}

/** Stores the answer to a claimed key, in the transaction that makes the request's effect final. */
export async function recordIdempotentResponse<T>(
  tx: Transaction,
  key: IdempotencyKey,
  response: IdempotentResponse<T>,
): Promise<void> {
  await tx.manager.query(
    `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
    [key.scope, key.key, response.status, JSON.stringify(response.body)],
  );
}

/**
 * Runs `work` at most once per key, inside the caller's transaction: the key is claimed first,
 * so a concurrent request with the same key waits for this one and then gets its stored answer.
 * A key claimed and never answered (still running, or interrupted) throws
 * {@link IdempotencyKeyInUseError} (409 at the HTTP edge).
 */
export async function once<T>(
  tx: Transaction,
  key: IdempotencyKey,
  work: () => Promise<IdempotentResponse<T>>,
): Promise<IdempotentResponse<T> & { replayed: boolean }> {
  const claim = await claimIdempotencyKey<T>(tx, key);
  if (claim === 'unanswered') throw new IdempotencyKeyInUseError();
  if (claim !== 'claimed') return { ...claim, replayed: true };
  const response = await work();
  await recordIdempotentResponse(tx, key, response);
  return { ...response, replayed: false };
}

/** The table behind {@link once}, created by the migration of each module that takes idempotent POSTs. */
export async function createIdempotencyTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".idempotency_keys (
      scope           text        NOT NULL,
      key             text        NOT NULL,
      request_hash    text        NOT NULL,
      response_status integer,
      response_body   jsonb,
      created_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`);
  await queryRunner.query(`CREATE INDEX idempotency_keys_created_idx ON "${schema}".idempotency_keys (created_at)`);
}

export async function dropIdempotencyTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".idempotency_keys`);
}
