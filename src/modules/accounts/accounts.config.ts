import {
  AppConfig,
  ConfigError,
  Env,
  readBool,
  readInt,
  readString,
  readUrl,
  readUrlTemplate,
} from '../../platform/config';
import { isEmailAddress } from './domain/email';

/** Injection token of the {@link AccountsConfig}. */
export const ACCOUNTS_CONFIG = Symbol('ACCOUNTS_CONFIG');

export interface PasswordHashingConfig {
  /** argon2id memory cost in KiB. */
  readonly memoryKib: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** Login attempts allowed per window; see LoginThrottle for how they combine. */
export interface LoginThrottleConfig {
  /** Attempts on one account from one client address (the attacker's own budget). */
  readonly perAccountAndAddress: number;
  /** Attempts on one account from all addresses together: a much higher ceiling for distributed guessing. */
  readonly perAccount: number;
  /** Attempts from one client address on any accounts (spraying, and the argon2 cost of each try). */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

/** Requests allowed per window for one email (as typed) and for one client address. */
export interface RequestLimitConfig {
  readonly perEmail: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export interface AccountsConfig {
  /** The first admin, created (or promoted) at start-up when both are set. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  /**
   * In development without ADMIN_EMAIL, start-up creates an admin when there is none and prints
   * its random password once (DEV_ADMIN=false turns this off). Never outside development.
   */
  readonly devAdmin: boolean;
  readonly passwordResetTtlMinutes: number;
  /**
   * The emailed reset link, with `{token}` where the single-use token goes: the storefront's page
   * that asks for the new password and POSTs it to /accounts/password/reset. Never from a request.
   */
  readonly passwordResetUrlTemplate: string;
  readonly refreshTokenTtlDays: number;
  readonly loginThrottle: LoginThrottleConfig;
  /** Sign-ups (each costs one argon2 hash). */
  readonly signUpLimit: RequestLimitConfig;
  /** Password-reset requests (each may send an email). */
  readonly passwordResetLimit: RequestLimitConfig;
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
  if (adminEmail !== undefined && !isEmailAddress(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', `must be an email address (got "${adminEmail}")`);
  }
  const testing = nodeEnv === 'test';
  return {
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    devAdmin: nodeEnv === 'development' && adminEmail === undefined && readBool(env, 'DEV_ADMIN', true),
    passwordResetTtlMinutes: readInt(env, 'PASSWORD_RESET_TTL_MINUTES', 30, 1, 24 * 60),
    passwordResetUrlTemplate: readUrlTemplate(env, 'PASSWORD_RESET_URL_TEMPLATE', legacyResetUrl(env), ['token']),
    refreshTokenTtlDays: readInt(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    loginThrottle: {
      perAccountAndAddress: readInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS', 10, 1, 1_000_000),
      perAccount: readInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 100, 1, 1_000_000),
      perAddress: readInt(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 50, 1, 1_000_000),
      windowSeconds: readInt(env, 'LOGIN_ATTEMPT_WINDOW_SECONDS', 900, 1, 86_400),
    },
    signUpLimit: readRequestLimit(env, 'SIGNUP', { perEmail: 5, perAddress: 30 }),
    passwordResetLimit: readRequestLimit(env, 'PASSWORD_RESET', { perEmail: 3, perAddress: 20 }),
    hashing: {
      memoryKib: readInt(env, 'PASSWORD_HASH_MEMORY_KIB', MIN_MEMORY_KIB, testing ? 64 : MIN_MEMORY_KIB, 4_194_304),
      iterations: readInt(env, 'PASSWORD_HASH_ITERATIONS', MIN_ITERATIONS, testing ? 1 : MIN_ITERATIONS, 100),
      parallelism: readInt(env, 'PASSWORD_HASH_PARALLELISM', 1, 1, 16),
    },
  };
}

/** `<PREFIX>_MAX_PER_EMAIL`, `<PREFIX>_MAX_PER_ADDRESS`, `<PREFIX>_LIMIT_WINDOW_SECONDS` (default one hour). */
function readRequestLimit(
  env: Env,
  prefix: string,
  defaults: { perEmail: number; perAddress: number },
): RequestLimitConfig {
  return {
    perEmail: readInt(env, `${prefix}_MAX_PER_EMAIL`, defaults.perEmail, 1, 1_000_000),
    perAddress: readInt(env, `${prefix}_MAX_PER_ADDRESS`, defaults.perAddress, 1, 1_000_000),
    windowSeconds: readInt(env, `${prefix}_LIMIT_WINDOW_SECONDS`, 3600, 1, 86_400),
  };
}

/** PASSWORD_RESET_URL (a base URL, the token added as `?token=`) is still read when set. */
function legacyResetUrl(env: Env): string {
  const base = readUrl(env, 'PASSWORD_RESET_URL', ['http', 'https']);
  if (base === undefined) return '{shopUrl}/reset-password?token={token}';
  return `${base}${base.includes('?') ? '&' : '?'}token={token}`;
}
