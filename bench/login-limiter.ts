/**
 * The login limiter under 100,000 distinct keys (issue 15). Two measurements in one run:
 *
 * 1. The limiter alone: checks per second of the former in-memory counter (the baseline,
 *    bench/baselines/attempt-counter.ts, used as the former LoginThrottle did) and of the current
 *    LoginThrottle, on an empty store and once it holds 100,000 distinct accounts and addresses,
 *    each check with a new email (the enumeration that broke the former one).
 * 2. Over HTTP: POST /accounts/login for one account whose limit is reached, each request from a
 *    new client address (guessing spread over many addresses; `X-Forwarded-For`, `TRUST_PROXY`):
 *    req/s with an empty limiter and once it holds 100,000 distinct keys.
 *
 *   node -r ./test/support/swc-register.cjs bench/login-limiter.ts [--seconds 8] [--redis] [--http-only]
 *
 * With --redis the app counts in Redis (REDIS_URL, default redis://127.0.0.1:6379). Part 2 (alone
 * with --http-only) uses only the app's LoginThrottle and HTTP, so it also runs on older code.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/create-app';
import { ACCOUNTS_CONFIG } from '../src/modules/accounts/accounts.config';
import { LoginThrottle } from '../src/modules/accounts/application/log-in/login-throttle';
import { AppConfig, loadConfig } from '../src/platform/config';
import type * as Limits from '../src/platform/limits';
import { AttemptCounter } from './baselines/attempt-counter';
import { createBenchDatabase } from './support/bench-database';

const KEYS = 100_000;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const redis = process.argv.includes('--redis');
const seconds = arg('seconds', 8);
const rate = (n: number, ms: number): string => `${Math.round((n * 1000) / ms).toLocaleString('en')}`;

/** Any check of either limiter (sync or async; a refusal throws and is part of the work). */
type Check = (email: string, address: string) => unknown;

async function checksPerSecond(check: Check, from: number, count: number, address?: string): Promise<string> {
  const started = performance.now();
  for (let i = from; i < from + count; i++) {
    try {
      await check(`enumerated-${i}@example.com`, address ?? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    } catch {
      // 429: counted all the same
    }
  }
  return rate(count, performance.now() - started);
}

async function fill(check: Check, count: number): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, async (_, j) => {
        const n = i + j;
        try {
          await check(`filled-${n}@example.com`, `172.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
        } catch {
          // a refusal still leaves its keys
        }
      }),
    );
  }
}

/** A LoginThrottle of its own (empty store; in Redis, keys under a prefix of its own), as the app builds it. */
function freshThrottle(app: INestApplication, config: AppConfig): Check {
  // Imported here: part 2 must also run on code from before the platform's rate limits.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RateLimits } = require('../src/platform/limits') as typeof Limits;
  const limits = new RateLimits({ ...config, redis: { ...config.redis, prefix: `bench-fresh-${Date.now()}` } });
  const throttle = new LoginThrottle(app.get(ACCOUNTS_CONFIG), limits);
  return (email, address) => throttle.check(email, address);
}

async function limiterAlone(current: Check): Promise<void> {
  const perAccount = new AttemptCounter(10, 900_000);
  const perAddress = new AttemptCounter(50, 900_000);
  const former: Check = (email, address) => {
    perAccount.hit(email);
    perAddress.hit(address);
  };
  const sample = 5_000;
  console.log(`1. limiter alone, checks/s with a new email each (${sample.toLocaleString('en')} checks)`);
  for (const [name, check] of [
    ['former in-memory counter (baseline)', former],
    [`LoginThrottle (${redis ? 'Redis' : 'memory'})`, current],
  ] as const) {
    const empty = await checksPerSecond(check, 0, sample);
    await fill(check, KEYS);
    const full = await checksPerSecond(check, sample, sample);
    console.log(
      `   ${name.padEnd(38)} empty ${empty.padStart(9)}   with ${KEYS.toLocaleString('en')} keys ${full.padStart(9)}`,
    );
  }
}

const TARGET = 'target@example.com';

async function overHttp(url: string, round: number): Promise<number> {
  let n = 0;
  const result = await autocannon({
    url: `${url}/accounts/login`,
    connections: 16,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': `192.${round}.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify({ email: TARGET, password: 'not-the-password' }),
          };
        },
      },
    ],
  });
  const statuses = Object.keys(result.statusCodeStats ?? {});
  if (statuses.some((status) => status !== '429')) throw new Error(`expected only 429s, got ${statuses.join(', ')}`);
  return result.requests.average;
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createBenchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    MODULES: 'accounts',
    // The target account is over its limit before the HTTP rounds start, so every request below is
    // answered by the limiter alone (no argon2 verification).
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1',
    TRUST_PROXY: 'true',
    ...(redis
      ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `bench-${Date.now()}` }
      : { REDIS_URL: '' }),
  });
  const app = await createApp(config, { database });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    const throttle = app.get(LoginThrottle);
    const check: Check = (email, address) => throttle.check(email, address);

    for (const address of ['127.0.0.2', '127.0.0.3']) {
      try {
        await check(TARGET, address);
      } catch {
        // the target is blocked now
      }
    }
    const before = await overHttp(url, 1);
    await fill(check, KEYS);
    const after = await overHttp(url, 2);
    console.log(`2. POST /accounts/login, blocked account, new address each, 16 connections, ${seconds} s`);
    console.log(
      `   empty ${Math.round(before).toLocaleString('en')} req/s   with ${KEYS.toLocaleString('en')} keys ${Math.round(after).toLocaleString('en')} req/s   (${(after / before).toFixed(2)}×)`,
    );
    if (process.argv.includes('--http-only')) return;
    await limiterAlone(freshThrottle(app, config));
    console.log(`RSS ${Math.round(process.memoryUsage().rss / 1_048_576)} MiB`);
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
