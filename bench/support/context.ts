import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { AccessTokens, Role } from '../../src/platform/auth';
import { loadConfig } from '../../src/platform/config';
import { BENCH_ENV } from './bench-env';
import { RUNNER_APPLICATION_NAME } from './postgres-cpu';
import { BenchProcess } from './processes';

const run = promisify(execFile);

export interface PgbenchFigures {
  readonly tps: number;
  readonly latencyMs: number;
  /** Clients pgbench ran with: fewer than asked when the server had no room for them. */
  readonly clients: number;
}

/** What a scenario gets from the runner: the database, the processes (started on first use), helpers. */
export class BenchContext {
  private arcade?: Promise<BenchProcess>;
  private bareServer?: Promise<BenchProcess>;
  readonly sql: Pool;
  readonly tokens = new AccessTokens(loadConfig({ ...process.env, ...BENCH_ENV }));

  constructor(
    readonly databaseUrl: string,
    readonly productCount: number,
    /** Runs per measurement (the median is reported). */
    readonly runs: number,
    /** Seconds per run. */
    readonly seconds: number,
  ) {
    // Named, so that the peer comparison leaves the runner's own queries out of PostgreSQL's CPU.
    this.sql = new Pool({ connectionString: databaseUrl, max: 4, application_name: RUNNER_APPLICATION_NAME });
  }

  /** Arcade, all modules in one process, on the seeded catalog. */
  app(): Promise<BenchProcess> {
    return (this.arcade ??= this.startApp('arcade', {}));
  }

  /** Another Arcade process (the caller stops it). */
  startApp(name: string, env: Record<string, string>): Promise<BenchProcess> {
    return BenchProcess.start(name, 'support/app-process.ts', { BENCH_DATABASE_URL: this.databaseUrl, ...env });
  }

  bare(): Promise<BenchProcess> {
    return (this.bareServer ??= BenchProcess.start('bare', 'baselines/bare-server.ts', {
      BENCH_DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: BENCH_ENV.DATABASE_POOL_SIZE,
    }));
  }

  bearer(roles: Role[] = ['customer'], id: string = uuidv7()): string {
    return `Bearer ${this.tokens.sign({ id, roles })}`;
  }

  /** Runs a pgbench script of bench/baselines/pgbench against the bench database. */
  async pgbench(
    script: string,
    clients: number,
    seconds: number,
    vars: Record<string, string | number> = {},
  ): Promise<PgbenchFigures> {
    clients = await this.roomFor(clients);
    const args = ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds)];
    for (const [k, v] of Object.entries(vars)) args.push('-D', `${k}=${v}`);
    args.push('-f', resolve(__dirname, '../baselines/pgbench', script), this.databaseUrl);
    const { stdout } = await run('pgbench', args, { maxBuffer: 10_000_000 });
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return { tps: Number(tps[1]), latencyMs: Number(latency?.[1] ?? NaN), clients };
  }

  /**
   * At most `wanted`, and no more connections than the server has free (a few kept spare): the
   * Arcade processes' pools hold theirs, and a default max_connections of 100 cannot take 64 more.
   */
  private async roomFor(wanted: number): Promise<number> {
    const { rows } = await this.sql.query<{ free: number }>(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - count(*)::int - 4 AS free
         FROM pg_stat_activity`,
    );
    return Math.max(1, Math.min(wanted, rows[0].free));
  }

  async close(): Promise<void> {
    const processes = await Promise.allSettled([this.arcade, this.bareServer].filter((p) => p !== undefined));
    for (const p of processes) if (p.status === 'fulfilled') await p.value.stop();
    await this.sql.end();
  }
}
