/**
 * Login latency and memory under 20 concurrent logins, with production argon2id parameters
 * (m=19456 KiB, t=2, p=1). Baseline measured in the same run: 20 concurrent bare argon2 verifications
 * with no HTTP, database or JWT, so the share of the hash in a login is visible.
 *
 *   node -r ./test/support/swc-register.cjs bench/accounts-login.ts [requests=400]
 */
import 'reflect-metadata';
import { hash as argon2Hash, verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { createApp } from '../src/create-app';
import { loadConfig } from '../src/platform/config';
import { createTestDatabase } from '../test/support/test-database';

const REQUESTS = Number(process.argv[2] ?? 400);
const CONCURRENCY = 20;
const EMAIL = 'bench@example.com';
const PASSWORD = 'bench-password-of-some-length';

const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MiB`;

async function bareArgon2(hash: string): Promise<{ p50: number; p99: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t0 = performance.now();
        await verify(hash, PASSWORD);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99), perSecond: REQUESTS / elapsed };
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    MAIL_DEV_MAILBOX: 'enabled',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    MODULES: 'accounts,notifications',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000000',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: '1000000',
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
  });
  const app = await createApp(config, { database });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    const signUp = await fetch(`${url}/accounts/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, name: 'Bench' }),
    });
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status}`);

    // Warm-up: JIT, pools, the argon2 thread pool.
    await autocannon({
      url: `${url}/accounts/login`,
      method: 'POST',
      connections: 4,
      amount: 20,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const result = await autocannon({
      url: `${url}/accounts/login`,
      method: 'POST',
      connections: CONCURRENCY,
      amount: REQUESTS,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const rssAfter = process.memoryUsage().rss;
    const ok = result['2xx'];

    const hash = await argon2Hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const bare = await bareArgon2(hash);

    console.log(`logins: ${REQUESTS} requests, ${CONCURRENCY} concurrent, ${ok} answered 200, ${result.non2xx} other`);
    console.log(
      `login latency   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   (${result.requests.average.toFixed(0)} req/s)`,
    );
    console.log(
      `bare argon2id   p50 ${bare.p50.toFixed(0)} ms   p99 ${bare.p99.toFixed(0)} ms   (${bare.perSecond.toFixed(0)} verifications/s)`,
    );
    console.log(
      `RSS before ${mib(rssBefore)}, after ${mib(rssAfter)} (+${mib(rssAfter - rssBefore)}); UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? 4}`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
