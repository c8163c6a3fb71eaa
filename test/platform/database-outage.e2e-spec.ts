import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningDatabase, startEmbeddedPostgres } from '../../src/platform/database';
import { AppProcess, freePort, killStartedProcesses, startAppProcess, waitForOk } from '../support/app-process';
import { waitUntil } from '../support/wait-until';

const ADMIN = { email: 'admin@outage.example', password: 'outage-admin-password' };

async function post(app: AppProcess, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('the app when its database goes away and comes back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arcade-outage-'));
  chmodSync(dir, 0o755);
  let database: RunningDatabase | undefined;
  let app: AppProcess | undefined;

  afterAll(async () => {
    await killStartedProcesses();
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 meanwhile, logs the outage once instead of a stack trace per retry, and recovers by itself', async () => {
    // A server this test owns, so that it can stop it under the running app.
    const pg = { dir: join(dir, 'pg'), port: await freePort() };
    database = await startEmbeddedPostgres(pg);
    app = startAppProcess(
      {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '100',
      },
      await freePort(),
    );
    await waitForOk(`${app.baseUrl}/health/ready`, 60_000, app);

    const before = app.output().length;
    await database.stop();
    await waitUntil(async () => (await fetch(`${app!.baseUrl}/health/ready`)).status === 503, 15_000);
    // While the server shuts down, a query on a connection it has not closed yet may still succeed
    // and end the outage for a moment: that flap is logged, once each. Once it is down, nothing is.
    await waitUntil(async () => app!.output().slice(before).includes('PostgreSQL is unreachable'), 15_000);
    const steady = app.output().length;
    expect((await fetch(`${app.baseUrl}/health/live`)).status).toBe(200);
    const products = await fetch(`${app.baseUrl}/catalog/products`);
    expect(products.status).toBe(503);
    expect(products.headers.get('content-type')).toContain('application/problem+json');
    expect(products.headers.get('retry-after')).toBe('5');
    // Seven relays poll every 100 ms: two seconds of that used to be ~140 stack traces.
    await new Promise((r) => setTimeout(r, 2000));
    const duringOutage = app.output().slice(before);
    expect(duringOutage).not.toMatch(/\n\s+at /);
    expect(duringOutage.split('\n').filter((line) => line.includes('"level":50'))).toEqual([]);
    expect(app.output().slice(steady)).not.toMatch(/PostgreSQL is unreachable/);

    database = await startEmbeddedPostgres(pg);
    await waitForOk(`${app.baseUrl}/health/ready`, 30_000, app);
    await waitUntil(async () => app!.output().includes('PostgreSQL answers again'), 15_000);

    // Requests and the relays work again: a sign-up is stored and its welcome email delivered.
    const signUp = await post(app, '/accounts/signup', {
      email: 'after@outage.example',
      password: 'a-long-enough-password',
      name: 'After',
    });
    expect(signUp.status).toBe(201);
    const login = await post(app, '/accounts/login', ADMIN);
    const { accessToken } = (await login.json()) as { accessToken: string };
    await waitUntil(async () => {
      const mailbox = await fetch(`${app!.baseUrl}/notifications/mailbox?to=after@outage.example`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return ((await mailbox.json()) as { items: unknown[] }).items.length === 1;
    }, 15_000);
  });
});
