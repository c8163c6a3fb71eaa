import { ConfigError } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readString(env: Env, name: string, fallback: string): string;
export function readString(env: Env, name: string): string | undefined;
export function readString(env: Env, name: string, fallback?: string): string | undefined {
  return raw(env, name) ?? fallback;
}

/**
 * Random keys of 32+ characters use far more than this many distinct characters (32 hex digits:
 * about 14); a value with fewer was typed (`aaaa…`, `0123…` repeated), and is as guessable as a short one.
 */
const MIN_DISTINCT_SECRET_CHARACTERS = 8;

/**
 * An optional secret (key, token): when set, at least `minLength` characters that look random (not
 * a few characters repeated); never echoed in errors.
 */
export function readSecret(env: Env, name: string, minLength = 32): string | undefined {
  const value = raw(env, name);
  if (value !== undefined && value.length < minLength) {
    throw new ConfigError(name, `must be at least ${minLength} characters long`);
  }
  if (value !== undefined && new Set(value).size < MIN_DISTINCT_SECRET_CHARACTERS) {
    throw new ConfigError(
      name,
      `must be random (it repeats a few characters); generate one, e.g. with \`openssl rand -base64 48\``,
    );
  }
  return value;
}

export function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

export function readBool(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

export function readList(env: Env, name: string): string[] | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `must be a URL (got "${redact(value)}")`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must use ${protocols.map((p) => `${p}://`).join(' or ')} (got "${redact(value)}")`);
  }
  return value;
}

/** Hides the password of a URL so that an error message never leaks it. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
