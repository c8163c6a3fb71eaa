import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres.server';

/**
 * Tests use `DATABASE_URL` when it is set (CI: the machine's PostgreSQL); otherwise they start the
 * embedded server once for the whole run. Each test file then makes a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330);
  const server = await startEmbeddedPostgres({ dir: resolve(__dirname, '../../.data/test-postgres'), port });
  process.env.DATABASE_URL = server.url;
  (globalThis as { __ARCADE_TEST_PG__?: { stop(): Promise<void> } }).__ARCADE_TEST_PG__ = server;
}
