import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { Env, readInt, readSecret, readString } from './env-readers';

export interface AuthConfig {
  /**
   * HMAC key of access tokens (`JWT_SECRET`); every process that verifies tokens needs the same one.
   * Undefined outside production: the platform then uses a random key of its own (see `signingKeyFor`).
   */
  readonly jwtSecret: string | undefined;
  /** Where development keeps its generated key when `JWT_SECRET` is unset (`JWT_SECRET_FILE`). */
  readonly jwtSecretFile: string;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly accessTokenTtlSeconds: number;
  /**
   * How long a process trusts what it last heard of an admin's roles and sessions
   * (`ACCESS_STATUS_CACHE_MS`): a demotion or revocation made elsewhere bites within this time.
   */
  readonly accessStatusCacheMs: number;
}

/**
 * Example values that have been published (README, docker-compose, earlier versions of this file):
 * anyone can sign tokens with them, so production refuses them.
 */
const PUBLIC_EXAMPLE_SECRETS = [
  'arcade-development-secret-do-not-use-in-production',
  'change-me-to-32-or-more-random-characters',
];

function isPublicExample(secret: string): boolean {
  return PUBLIC_EXAMPLE_SECRETS.includes(secret) || /change[-_ ]?me|do[-_ ]?not[-_ ]?use/i.test(secret);
}

/** Whether this process is one of several (a broker or a gateway): they must share one key. */
function splitTopology(env: Env): boolean {
  return readString(env, 'BROKER_URL') !== undefined || readString(env, 'GATEWAY_ROUTES') !== undefined;
}

/** Reads the access-token settings; see README "Running in production" for what production requires. */
export function readAuth(env: Env, nodeEnv: 'development' | 'production' | 'test'): AuthConfig {
  const split = splitTopology(env);
  const jwtSecret = readSecret(env, 'JWT_SECRET');
  if (jwtSecret === undefined && nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET', 'must be set in production (32 or more random characters)');
  }
  if (jwtSecret === undefined && nodeEnv === 'development' && split) {
    throw new ConfigError(
      'JWT_SECRET',
      'must be set when processes are split (BROKER_URL or GATEWAY_ROUTES): every process needs the same key',
    );
  }
  if (jwtSecret !== undefined && nodeEnv === 'production' && isPublicExample(jwtSecret)) {
    throw new ConfigError('JWT_SECRET', 'is a published example value; set 32 or more random characters of your own');
  }
  return {
    jwtSecret,
    jwtSecretFile: resolve(readString(env, 'JWT_SECRET_FILE', '.data/jwt-secret')),
    jwtIssuer: readString(env, 'JWT_ISSUER', 'arcade'),
    jwtAudience: readString(env, 'JWT_AUDIENCE', 'arcade-api'),
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    accessStatusCacheMs: readInt(env, 'ACCESS_STATUS_CACHE_MS', 2000, 0, 60_000),
  };
}
