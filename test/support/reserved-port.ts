import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Ports for processes that are killed and restarted on the same port (the topologies' processes).
 *
 * A port from `listen(0)` (`freePort`) lies in the kernel's ephemeral range: while the process on
 * it is down (not started yet, or SIGKILLed and waiting for its restart), any `listen(0)` on the
 * machine — the other Jest worker, another run on this shared machine — can be handed that port,
 * and then answers in the dead process's place (payments-crash: a 404 from another Arcade process
 * where the gateway would have answered 502). A reserved port lies below that range, where the
 * kernel never hands ports out, and is locked by a file so that no other topology picks it either.
 */
export interface ReservedPort {
  readonly port: number;
  /** Gives the port back (its lock file is removed); idempotent. */
  release(): void;
}

const LOCK_DIR = join(tmpdir(), 'arcade-test-ports');
/** How many ports below the ephemeral range are tried at random. */
const SPAN = 12_000;
const held = new Set<number>();

/**
 * The kernel's ephemeral port range, `[low, high]` (Linux: /proc/sys/net/ipv4/ip_local_port_range).
 * Elsewhere `[32768, 65535]`, which covers macOS's 49152–65535 too.
 */
export function ephemeralPortRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low > 1024) return [low, high];
  } catch {
    // not Linux
  }
  return [32768, 65535];
}

/**
 * A port on 127.0.0.1 below the ephemeral range that nothing listens on and that no other
 * reservation holds (on this machine, across processes), reserved until `release()`; a lock whose
 * process is gone is taken over. Throws when none is found after a few hundred tries.
 */
export async function reservePort(): Promise<ReservedPort> {
  const [low] = ephemeralPortRange();
  const first = Math.max(1025, low - SPAN);
  mkdirSync(LOCK_DIR, { recursive: true });
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = first + Math.floor(Math.random() * (low - first));
    if (held.has(port) || !lock(port)) continue;
    if (await portIsFree(port)) {
      held.add(port);
      return { port, release: () => release(port) };
    }
    unlinkQuietly(lockFile(port));
  }
  throw new Error(`no free port to reserve between ${first} and ${low - 1}`);
}

/** Whether a server can listen on 127.0.0.1:`port` now (it is closed again at once). */
export async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  const outcome = await new Promise<boolean>((done) => {
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => done(true));
  });
  if (outcome) {
    server.close();
    await once(server, 'close');
  }
  return outcome;
}

function lockFile(port: number): string {
  return join(LOCK_DIR, `${port}.lock`);
}

/** Takes the port's lock file; one left by a process that is gone is taken over. */
function lock(port: number): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile(port), 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ownerAlive(port)) return false;
      unlinkQuietly(lockFile(port));
    }
  }
  return false;
}

function ownerAlive(port: number): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile(port), 'utf8'));
  } catch {
    return false;
  }
  // A lock being written has no pid yet: treat it as held.
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(port: number): void {
  if (!held.delete(port)) return;
  unlinkQuietly(lockFile(port));
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
