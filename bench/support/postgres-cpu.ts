import { Pool } from 'pg';
import { processCpuMs } from './process-cpu';

/** The application_name of the runner's own connections, left out of PostgreSQL's CPU. */
export const RUNNER_APPLICATION_NAME = 'arcade-bench-runner';

/** CPU ms used so far by each PostgreSQL backend (by pid) connected to one database. */
export type BackendsCpu = ReadonlyMap<number, number>;

/**
 * CPU time (user + system, ms) of the PostgreSQL backends now connected to `database`, read from
 * `/proc/<pid>/stat` (PostgreSQL on this machine; Linux only). The runner's own connections
 * (application_name {@link RUNNER_APPLICATION_NAME}: the order watcher's polling, setup queries) are
 * left out. Background processes (checkpointer, WAL writer) are not counted: they serve the cluster.
 * With `applicationName`, only the backends of the Arcade process started with that
 * `DATABASE_APPLICATION_NAME` (their application_name is `<name>:<module>`).
 */
export async function backendsCpu(sql: Pool, database: string, applicationName?: string): Promise<BackendsCpu> {
  const { rows } = await sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = $1 AND backend_type = 'client backend' AND application_name IS DISTINCT FROM $2
        AND ($3::text IS NULL OR application_name LIKE $3 || ':%')`,
    [database, RUNNER_APPLICATION_NAME, applicationName ?? null],
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, processCpuMs(pid));
    } catch {
      // The backend ended between the query and the read: its connection was closed.
    }
  }
  return cpu;
}

/**
 * CPU ms the backends spent between two readings: a backend that connected in between counts
 * whole (from 0); one that disconnected in between is lost, which connection pools make rare.
 */
export function backendsCpuBetween(before: BackendsCpu, after: BackendsCpu): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
