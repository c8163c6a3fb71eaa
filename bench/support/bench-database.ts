import { resolve } from 'node:path';
import { Client } from 'pg';
import { DatabaseTarget, RunningDatabase, startEmbeddedPostgres } from '../../src/platform/database';

export interface BenchDatabase extends DatabaseTarget {
  drop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: on `DATABASE_URL` when set, else on an embedded server
 * of the benchmarks' own (so numbers never mix with a dev server's data).
 */
export async function createBenchDatabase(name = `arcade_bench_${Date.now()}`): Promise<BenchDatabase> {
  let server: RunningDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    server = await startEmbeddedPostgres({
      dir: resolve(__dirname, '../../.data/bench-postgres'),
      port: Number(process.env.BENCH_PG_PORT ?? 54331),
    });
    serverUrl = server.url;
  }
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    moduleUrls: {},
    embedded: undefined,
    urlFor: () => url.toString(),
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server?.stop();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
