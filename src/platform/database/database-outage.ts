import { Logger } from '@nestjs/common';
import { messageOf } from '../errors';

// Node's socket errors and PostgreSQL's SQLSTATEs for "the server is not there (any more)":
// class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
// TypeORM's errors for the next query of a transaction whose connection broke under it.
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * Whether an error says the database cannot be reached (refused, reset, shutting down), as opposed
 * to a query that failed. TypeORM wraps driver errors in a QueryFailedError whose `driverError` is
 * the original, and fails the next query of a transaction whose connection broke with
 * QueryRunnerAlreadyReleasedError (or, inside `EntityManager.transaction`, QueryRunnerProviderAlreadyReleasedError).
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e.name === 'string' && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith('08')) return true;
    if (
      typeof e.message === 'string' &&
      /^Connection terminated|timeout exceeded when trying to connect/.test(e.message)
    ) {
      return true;
    }
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}

/**
 * The process's view of its database: one warning when it stops answering and one line when it
 * answers again, instead of a stack trace from every relay, sweeper and request in between.
 * Background work reports its failures and successes here; readiness says 503 meanwhile.
 */
export class DatabaseOutage {
  /** Shared by everything in the process (relays and sweepers are not Nest providers). */
  static readonly shared = new DatabaseOutage();

  private readonly logger = new Logger('Database');
  private since: number | undefined;

  /** True (and logged once per outage) when `error` is a connection failure; false otherwise. */
  failed(error: unknown): boolean {
    if (!isConnectionFailure(error)) return false;
    if (this.since === undefined) {
      this.since = Date.now();
      this.logger.warn(
        `PostgreSQL is unreachable (${messageOf(error)}); background work retries, requests that need it get 503, readiness is 503 until it answers`,
      );
    }
    return true;
  }

  /** Work that needed the database just succeeded: ends an outage, if there was one. */
  succeeded(): void {
    if (this.since === undefined) return;
    const seconds = ((Date.now() - this.since) / 1000).toFixed(1);
    this.since = undefined;
    this.logger.log(`PostgreSQL answers again after ${seconds} s; background work resumed`);
  }

  get down(): boolean {
    return this.since !== undefined;
  }
}
