import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { runningServer, startEmbeddedPostgres } from '../../src/platform/database';
import {
  cliJs,
  freePort,
  killStartedProcesses,
  startAppProcess,
  startCliProcess,
  waitForOk,
} from '../support/app-process';
import { waitUntil } from '../support/wait-until';

function logIn(baseUrl: string, email: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/accounts/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

// Each case starts real processes (and PostgreSQL): minutes, not seconds, on a busy 2-core machine.
jest.setTimeout(180_000);

describe('the app as a process (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arcade-app-'));
  chmodSync(dir, 0o755);
  afterAll(async () => {
    await killStartedProcesses();
    // A killed app leaves its embedded server running: take it over, then stop it.
    const left = runningServer(join(dir, 'pg'));
    if (left) await (await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: left.port })).stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops at once, with one line naming the variable, when a setting is wrong', async () => {
    const app = startAppProcess(
      { PORT: undefined, DATABASE_URL: 'postgres://x@127.0.0.1:1/x', MIGRATIONS_RUN: 'perhaps' },
      1,
    );
    expect(await app.exited()).toBe(1);
    expect(app.output().trim()).toBe('Invalid configuration: MIGRATIONS_RUN must be true or false (got "perhaps")');
  });

  it("stops with a module's one-line configuration error before the embedded database is created", async () => {
    const pgDir = join(dir, 'never-created');
    const app = startAppProcess(
      { DATABASE_URL: undefined, EMBEDDED_PG_DIR: pgDir, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: undefined },
      1,
    );
    expect(await app.exited()).toBe(1);
    expect(app.output().trim()).toBe('Invalid configuration: ADMIN_PASSWORD must be set together with its pair');
    expect(existsSync(pgDir)).toBe(false);
  });

  it('stops with one line saying where it looked when PostgreSQL cannot be used (no server, no such database)', async () => {
    const closed = `postgres://arcade@127.0.0.1:${await freePort()}/arcade`;
    const missing = new URL(process.env.DATABASE_URL!);
    missing.pathname = '/arcade_no_such_database';
    for (const [url, reason] of [
      [closed, /^connect ECONNREFUSED/],
      [missing.toString(), /^database "arcade_no_such_database" does not exist$/],
    ] as const) {
      const app = startAppProcess({ DATABASE_URL: url, LOG_LEVEL: 'info' }, await freePort());
      expect(await app.exited()).toBe(1);
      const lines = app.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      const said = /^Arcade failed to start: PostgreSQL cannot be used \((.*)\); DATABASE_URL is (\S+)$/.exec(lines[0]);
      expect({ reason: said?.[1], url: said?.[2] }).toEqual({ reason: expect.stringMatching(reason), url });
    }
  });

  it('serves on an embedded PostgreSQL with no DATABASE_URL, shares it with a command run beside it, shuts down cleanly, and restarts on the same data', async () => {
    const pgPort = await freePort();
    const pgDir = join(dir, 'pg');
    const env = { DATABASE_URL: undefined, EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(pgPort) };
    const postmaster = () => readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0];

    // First start in development, as `npm start` on a terminal: readable logs, one summary, an admin.
    const port = await freePort();
    const first = startAppProcess({ ...env, NODE_ENV: 'development', LOG_LEVEL: 'info', LOG_PRETTY: 'true' }, port);
    await waitForOk(`${first.baseUrl}/health/ready`, 60_000, first);
    expect((await fetch(`${first.baseUrl}/docs`)).status).toBe(200);
    await fetch(`${first.baseUrl}/catalog/products?limit=1`);
    await waitUntil(async () => first.output().includes('GET /catalog/products?limit=1 200'));
    const log = first.output();
    expect(log).toContain(`Arcade is ready in`);
    expect(log).toContain(`docs        http://127.0.0.1:${port}/docs`);
    expect(log).toContain(`health      http://127.0.0.1:${port}/health/ready`);
    expect(log).toMatch(/database +embedded PostgreSQL in .*pg, port \d+ \(created now\)/);
    expect(log).toMatch(/migrations +\d+ applied now; \d+ in 11 module schemas/);
    expect(log).not.toMatch(/InstanceLoader|RouterExplorer|RoutesResolver|user-agent|"level"/);
    const devAdmin = /admin +admin@arcade\.localhost, password (\S+) \(created now/.exec(log);
    expect(devAdmin).not.toBeNull();
    expect((await logIn(first.baseUrl, 'admin@arcade.localhost', devAdmin![1])).status).toBe(200);
    const serverPid = postmaster();

    // `npm run admin:create` beside `npm start`: it uses the server's database and leaves it running.
    const createAdmin = async (email: string, password: string, ...name: string[]) => {
      const cli = startCliProcess(cliJs('create-admin'), [email, ...name], { ...env, ADMIN_PASSWORD: password });
      return { code: await cli.exited(), output: cli.output().trim() };
    };
    expect(await createAdmin('beside@example.com', 'a-long-enough-password')).toEqual({
      code: 0,
      output: 'beside@example.com: created',
    });
    expect(postmaster()).toBe(serverPid);
    expect((await fetch(`${first.baseUrl}/health/ready`)).status).toBe(200);
    expect((await logIn(first.baseUrl, 'beside@example.com', 'a-long-enough-password')).status).toBe(200);
    // Run again (say, to recover a lost password), it says that it changed nothing.
    expect(await createAdmin('beside@example.com', 'another-long-password')).toEqual({
      code: 0,
      output: 'beside@example.com: already an admin (its password is left as it was)',
    });
    // What sign-up refuses, the command refuses too, with one line.
    expect(await createAdmin('beside.example.com', 'a-long-enough-password')).toEqual({
      code: 1,
      output: 'email: email must be an email',
    });
    expect(await createAdmin('blank@example.com', 'a-long-enough-password', '  ')).toEqual({
      code: 1,
      output: 'name: name must be 1 to 100 characters',
    });

    first.child.kill('SIGTERM');
    expect(await first.exited()).toBe(0);
    expect(await portAnswers(pgPort)).toBe(false);

    // Then in production: JSON lines, the same summary as one of them, nothing left to migrate.
    const second = startAppProcess({ ...env, LOG_LEVEL: 'info' }, await freePort());
    const readyMs = await waitForOk(`${second.baseUrl}/health/ready`, 60_000, second);
    await waitUntil(async () => second.output().includes('Arcade is ready'));
    const summary = second
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => String(line.msg).startsWith('Arcade is ready'));
    expect(summary).toMatchObject({
      api: second.baseUrl,
      migrations: expect.stringMatching(/^up to date/),
      database: expect.stringMatching(/\(started\)$/),
    });
    expect(summary).not.toHaveProperty('admin');
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
    process.stdout.write(`start-up to ready with an existing data directory: ${readyMs} ms\n`);
  });
});
