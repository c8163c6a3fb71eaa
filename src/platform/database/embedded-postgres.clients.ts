import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Which processes use one embedded data directory, so that a command run beside `npm start`
 * (seed, admin:create, migrations) shares the server's PostgreSQL and the last one to leave stops
 * it. Each user is a file named after its pid in `<dir>.clients/`; a file whose process is gone
 * does not count. `<dir>.lock` serialises the moments when the server is started or stopped.
 */
export class EmbeddedClients {
  private readonly clientsDir: string;
  private readonly lockFile: string;

  constructor(dataDir: string) {
    this.clientsDir = `${dataDir}.clients`;
    this.lockFile = `${dataDir}.lock`;
  }

  register(pid = process.pid): void {
    mkdirSync(this.clientsDir, { recursive: true });
    writeFileSync(`${this.clientsDir}/${pid}`, '');
  }

  unregister(pid = process.pid): void {
    rmSync(`${this.clientsDir}/${pid}`, { force: true });
  }

  /** Live processes other than this one that use the server (files of dead ones are removed). */
  others(): number[] {
    if (!existsSync(this.clientsDir)) return [];
    const live: number[] = [];
    for (const name of readdirSync(this.clientsDir)) {
      const pid = Number(name);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      if (isAlive(pid)) live.push(pid);
      else this.unregister(pid);
    }
    return live;
  }

  /** Runs `task` while holding the directory's lock (waits up to `timeoutMs` for another holder). */
  async locked<T>(task: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    // The lock appears with its holder's pid already in it (a hard link is created atomically).
    const mine = `${this.lockFile}.${process.pid}`;
    mkdirSync(dirname(this.lockFile), { recursive: true });
    writeFileSync(mine, String(process.pid));
    try {
      for (;;) {
        try {
          linkSync(mine, this.lockFile);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const holder = this.lockHolder();
          if (!isAlive(holder)) rmSync(this.lockFile, { force: true });
          else if (Date.now() > deadline)
            throw new Error(`${this.lockFile} is held by process ${holder}`, { cause: error });
          else await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      rmSync(mine, { force: true });
    }
    try {
      return await task();
    } finally {
      rmSync(this.lockFile, { force: true });
    }
  }

  private lockHolder(): number {
    try {
      return Number(readFileSync(this.lockFile, 'utf8'));
    } catch {
      return 0;
    }
  }
}

/** Whether a process with this pid exists (a permission error still means it does). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
