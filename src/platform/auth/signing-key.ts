import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppConfig, ConfigError } from '../config';

/** Where the key of a process came from, for its start-up log. */
export type SigningKeySource = 'JWT_SECRET' | 'generated' | 'file' | 'test';

export interface SigningKey {
  readonly secret: string;
  readonly source: SigningKeySource;
}

/** One random key per test process, so several apps of one test file accept each other's tokens. */
let testKey: string | undefined;

const newKey = (): string => randomBytes(48).toString('base64url');

/**
 * The HMAC key of access tokens. `JWT_SECRET` when set (always in production); in development a
 * random key generated on first start and kept in `JWT_SECRET_FILE` (default `.data/jwt-secret`,
 * mode 0600) beside the embedded database, so no published key ever signs tokens of a reachable
 * server and sessions survive restarts; under `NODE_ENV=test` a random key per process.
 *
 * @throws ConfigError when the key file exists but holds fewer than 32 characters.
 */
export function signingKeyFor(config: AppConfig): SigningKey {
  const { jwtSecret, jwtSecretFile } = config.auth;
  if (jwtSecret !== undefined) return { secret: jwtSecret, source: 'JWT_SECRET' };
  if (config.env === 'test') return { secret: (testKey ??= newKey()), source: 'test' };
  mkdirSync(dirname(jwtSecretFile), { recursive: true, mode: 0o700 });
  // Written whole under another name, then linked into place: the link fails if the file exists, so
  // a second process started at the same moment reads the first one's key, never a half-written one.
  const draft = `${jwtSecretFile}.${process.pid}.tmp`;
  writeFileSync(draft, `${newKey()}\n`, { mode: 0o600 });
  try {
    linkSync(draft, jwtSecretFile);
    return { secret: readKeyFile(jwtSecretFile), source: 'generated' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: readKeyFile(jwtSecretFile), source: 'file' };
  } finally {
    unlinkSync(draft);
  }
}

function readKeyFile(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) {
    throw new ConfigError(
      'JWT_SECRET_FILE',
      `holds fewer than 32 characters (${path}); delete it to generate a new key`,
    );
  }
  return secret;
}
