import { BenchContext } from '../support/context';
import { processCpuMs } from '../support/process-cpu';
import { ResultRow } from '../support/report';

/** How long the fresh process settles (bootstrap, first polls and sweeps) before it is measured, ms. */
const SETTLE_MS = 5_000;
/** How long it is measured, ms (issue 24: over 30 s). */
const WINDOW_MS = 30_000;
/** Issue 24's target: idle under 10 ms/s per process. */
const TARGET_MS_PER_S = 10;

/**
 * Scenario `idle`: the CPU an Arcade process (all modules, in-process transport) burns when
 * nothing happens — its outbox pollers, sweepers and timers — in ms of CPU per second of wall
 * time, for its Node process and for the PostgreSQL backends serving its connections (the
 * backends of the bench database named `arcade:<module>` that appeared when it started; the
 * server's own background processes are left out, they do not grow with Arcade's processes).
 * Read from /proc (process-cpu.ts), so other load on the machine does not inflate it.
 */
export async function idleScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const existing = new Set(await arcadeBackends(ctx));
  const app = await ctx.startApp('arcade-idle', {});
  try {
    await sleep(SETTLE_MS);
    const backends = (await arcadeBackends(ctx)).filter((pid) => !existing.has(pid));
    const nodeBefore = processCpuMs(app.pid);
    const pgBefore = cpuOf(backends);
    const t0 = performance.now();
    await sleep(WINDOW_MS);
    const seconds = (performance.now() - t0) / 1000;
    const node = (processCpuMs(app.pid) - nodeBefore) / seconds;
    const pgAfter = cpuOf(backends);
    // A backend that closed meanwhile is left out of both readings.
    let pg = 0;
    for (const [pid, after] of pgAfter) pg += after - (pgBefore.get(pid) ?? after);
    pg /= seconds;
    const note = `${backends.length} backends, ${Math.round(seconds)} s`;
    return [
      row('Node CPU idle', node, note, true),
      row('PostgreSQL CPU idle (its backends)', pg, note, true),
      row('machine CPU idle (Node + PostgreSQL)', node + pg, note, false),
    ];
  } finally {
    await app.stop();
  }
}

function row(measure: string, msPerSecond: number, note: string, targeted: boolean): ResultRow {
  return {
    scenario: 'idle',
    measure,
    arcade: msPerSecond,
    unit: 'CPU ms/s',
    ...(targeted ? { target: `< ${TARGET_MS_PER_S} CPU ms/s`, met: msPerSecond < TARGET_MS_PER_S } : {}),
    note,
  };
}

/** PIDs of the bench database's backends that an Arcade process opened (`application_name` arcade:<module>). */
async function arcadeBackends(ctx: BenchContext): Promise<number[]> {
  const { rows } = await ctx.sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'arcade:%'`,
  );
  return rows.map((r) => r.pid);
}

/** CPU ms used so far by each of `pids` still running (PostgreSQL on this machine; a closed backend is skipped). */
function cpuOf(pids: readonly number[]): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      cpu.set(pid, processCpuMs(pid));
    } catch {
      // gone: its backend closed
    }
  }
  return cpu;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
