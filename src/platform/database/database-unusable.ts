import { redact } from '../config';
import { isConnectionFailure } from './database-outage';
import { DatabaseTarget } from './database-target';

// Refusals at the door: wrong password, no such role or pg_hba entry, no such database.
const REFUSED_STATES = new Set(['28P01', '28000', '3D000']);

/** PostgreSQL could not be used at start-up. Its message is one line: the reason and where it looked. */
export class DatabaseUnusableError extends Error {
  constructor(reason: string, target: DatabaseTarget) {
    const where = target.embedded
      ? [`the embedded server is ${redact(target.url)}`]
      : [
          `DATABASE_URL is ${redact(target.url)}`,
          ...Object.entries(target.moduleUrls).map(
            ([module, url]) => `DATABASE_URL_${module.toUpperCase()} is ${redact(url)}`,
          ),
        ];
    super(`Arcade failed to start: PostgreSQL cannot be used (${reason}); ${where.join(', ')}`);
    this.name = 'DatabaseUnusableError';
  }
}

/**
 * The one-line error for a start-up that failed because the database is not there or refuses this
 * process (refused, unknown host, timed out, bad credentials, no such database); undefined for any
 * other failure, which keeps its stack trace.
 */
export function databaseUnusable(error: unknown, target: DatabaseTarget): DatabaseUnusableError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (!isConnectionFailure(error) && !(typeof code === 'string' && REFUSED_STATES.has(code))) return undefined;
  // A connection to "localhost" tries each of its addresses and fails with an AggregateError without a message.
  const reason = (error instanceof Error && error.message) || String(code);
  return new DatabaseUnusableError(reason, target);
}
