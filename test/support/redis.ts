import { spawnSync } from 'node:child_process';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether a Redis server answers PING, decided before a suite is declared. Outside CI a missing
 * server skips the suite with a message; in CI it fails it, so shared limits are always proven there.
 */
export function redisAvailable(what = 'the shared rate-limit suite'): boolean {
  const { hostname, port } = new URL(REDIS_URL);
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${Number(port) || 6379},'${hostname}',()=>s.write('PING\\r\\n'));` +
        `s.setTimeout(1500);s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));` +
        `s.on('timeout',()=>process.exit(1));s.on('error',()=>process.exit(1));`,
    ],
    { timeout: 3000 },
  );
  if (probe.status === 0) return true;
  if (process.env.CI === 'true') throw new Error(`No Redis server answers at ${REDIS_URL}; CI must run one`);
  console.warn(`Skipping ${what}: no Redis server answers at ${REDIS_URL} (start one with redis-server)`);
  return false;
}
