import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The preload that counts a server's statements (see its header). */
export const COUNT_STATEMENTS_PRELOAD = resolve(__dirname, 'count-statements.cjs');

/** Statements, transactions and query calls (round trips) a server process sent through `pg` so far. */
export interface StatementCounts {
  readonly statements: number;
  readonly transactions: number;
  /** Of the transactions, those opened with BEGIN / START TRANSACTION (the rest: autocommit statements). */
  readonly explicit: number;
  readonly queries: number;
}

/**
 * The environment that makes a child process started with `-r` {@link COUNT_STATEMENTS_PRELOAD}
 * count: the file it writes its counters to (`%p`: its pid). One directory per runner.
 */
export function countStatementsEnv(): Record<string, string> {
  return { COUNT_STATEMENTS_FILE: join(tmpdir(), `arcade-bench-statements-${process.pid}-%p.json`) };
}

function countersFile(pid: number): string {
  return join(tmpdir(), `arcade-bench-statements-${process.pid}-${pid}.json`);
}

function readCounters(file: string): (StatementCounts & { seq: number }) | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StatementCounts & { seq: number };
  } catch {
    return undefined; // not written yet
  }
}

/**
 * The counters of server process `pid` now: sends it SIGWINCH and waits (up to 5 s) for the file it
 * writes in answer. Undefined when the process does not count (no file: it was started without the
 * preload; it is then not signalled). SIGWINCH, because its default action is to be ignored and no
 * server here listens to it; not SIGUSR2, on which a NestJS app with shutdown hooks (Vendure) stops.
 */
export async function statementCounts(pid: number): Promise<StatementCounts | undefined> {
  const file = countersFile(pid);
  if (!existsSync(file)) return undefined;
  const before = readCounters(file)?.seq ?? -1;
  process.kill(pid, 'SIGWINCH');
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = readCounters(file);
    if (now && now.seq > before)
      return {
        statements: now.statements,
        transactions: now.transactions,
        explicit: now.explicit,
        queries: now.queries,
      };
    if (Date.now() > deadline) throw new Error(`process ${pid} did not write its statement counts to ${file}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The counters of several processes, summed; undefined unless every one counts. */
export async function statementCountsOf(pids: readonly number[]): Promise<StatementCounts | undefined> {
  const each = await Promise.all(pids.map(statementCounts));
  if (each.length === 0 || each.some((c) => c === undefined)) return undefined;
  return each.reduce<StatementCounts>(
    (sum, c) => ({
      statements: sum.statements + c!.statements,
      transactions: sum.transactions + c!.transactions,
      explicit: sum.explicit + c!.explicit,
      queries: sum.queries + c!.queries,
    }),
    { statements: 0, transactions: 0, explicit: 0, queries: 0 },
  );
}

/** Removes the counters file of a process that ended. */
export function forgetStatementCounts(pid: number): void {
  rmSync(countersFile(pid), { force: true });
}
