import { EntityManager } from 'typeorm';

/** Runs a function in an async context captured earlier (an `AsyncLocalStorage.snapshot()`). */
export type RunInContext = <R>(fn: () => R) => R;

/**
 * Runs one message of a batch inside the batch's transaction (TransactionRunner.runBatch):
 * `index` is its place in the batch, `context` the async context it was submitted in (its trace,
 * its request context), `handle` its handling. Throws {@link BatchItemFailure} if it failed.
 */
export type BatchStep = <R>(index: number, context: RunInContext, handle: () => Promise<R>) => Promise<R>;

/** One message of a batch failed (or left the transaction aborted): the batch rolled back. */
export class BatchItemFailure extends Error {
  override name = 'BatchItemFailure';

  constructor(
    /** The failed message's place in the batch. */
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`message ${index} of the batch failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A unit of work that cannot join a batch's transaction (it asks for its own isolation level). */
export class NotBatchableError extends Error {
  override name = 'NotBatchableError';
}

/**
 * A unit of work went on after one of its statements failed (it caught the error), so its
 * transaction can only roll back: it fails rather than seem to commit.
 */
export class TransactionAbortedError extends Error {
  override name = 'TransactionAbortedError';

  constructor(module: string) {
    super(`a statement of this ${module} transaction failed and the work went on; nothing of it is committed`);
  }
}

interface PgConnection {
  readonly readyForQuery?: boolean;
  getTransactionStatus?(): string | null;
}

/**
 * Whether the transaction behind `manager` has failed: a statement in it raised an error, so
 * PostgreSQL refuses everything until it rolls back, and a COMMIT would silently roll back. Read
 * from the driver's status of the last ReadyForQuery ('E'), which arrives just after the error the
 * query was rejected with: while it is still on its way, this waits a few turns of the event loop
 * for it, and past that asks the server with one statement (that fails in a failed transaction).
 */
export async function transactionAborted(manager: EntityManager): Promise<boolean> {
  const connection = (manager.queryRunner as { databaseConnection?: PgConnection } | undefined)?.databaseConnection;
  if (!connection?.getTransactionStatus) return false;
  for (let turn = 0; connection.readyForQuery === false && turn < 20; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (connection.readyForQuery === false) {
    return manager.query('SELECT 1').then(
      () => false,
      () => true,
    );
  }
  return connection.getTransactionStatus() === 'E';
}
