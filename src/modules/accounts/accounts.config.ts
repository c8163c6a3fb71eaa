import { AppConfig, ConfigError, Env, readInt, readString, readUrl } from '../../platform/config';

/** Injection token of the {@link AccountsConfig}. */
export const ACCOUNTS_CONFIG = Symbol('ACCOUNTS_CONFIG');

export interface PasswordHashingConfig {
  /** argon2id memory cost in KiB. */
  readonly memoryKib: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export interface LoginThrottleConfig {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export interface AccountsConfig {
  /** The first admin, created (or promoted) at start-up when both are set. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly passwordResetTtlMinutes: number;
  /** Base URL of the reset link; the token is added as `?token=`. Never taken from a request. */
  readonly passwordResetUrl: string;
  readonly refreshTokenTtlDays: number;
  readonly loginThrottle: LoginThrottleConfig;
  readonly hashing: PasswordHashingConfig;
}

// OWASP's minimum for argon2id; weaker parameters are accepted only when NODE_ENV=test.
const MIN_MEMORY_KIB = 19_456;
const MIN_ITERATIONS = 2;

export function loadAccountsConfig(env: Env, nodeEnv: AppConfig['env']): AccountsConfig {
  const adminEmail = readString(env, 'ADMIN_EMAIL');
  const adminPassword = readString(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'must be set together with its pair',
    );
  }
  const testing = nodeEnv === 'test';
  return {
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    passwordResetTtlMinutes: readInt(env, 'PASSWORD_RESET_TTL_MINUTES', 30, 1, 24 * 60),
    passwordResetUrl: readUrl(env, 'PASSWORD_RESET_URL', ['http', 'https']) ?? 'http://localhost:3000/reset-password',
    refreshTokenTtlDays: readInt(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    loginThrottle: {
      perAccount: readInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 10, 1, 1_000_000),
      perAddress: readInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 50, 1, 1_000_000),
      windowSeconds: readInt(env, 'LOGIN_ATTEMPT_WINDOW_SECONDS', 900, 1, 86_400),
    },
    hashing: {
      memoryKib: readInt(env, 'PASSWORD_HASH_MEMORY_KIB', MIN_MEMORY_KIB, testing ? 64 : MIN_MEMORY_KIB, 4_194_304),
      iterations: readInt(env, 'PASSWORD_HASH_ITERATIONS', MIN_ITERATIONS, testing ? 1 : MIN_ITERATIONS, 100),
      parallelism: readInt(env, 'PASSWORD_HASH_PARALLELISM', 1, 1, 16),
    },
  };
}
