import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { cliJs, freePort, startAppProcess, startCliProcess, waitForOk } from '../support/app-process';

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

describe('the app as a process (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arcade-app-'));
  chmodSync(dir, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  it('serves on an embedded PostgreSQL with no DATABASE_URL, shares it with a command run beside it, shuts down cleanly, and restarts on the same data', async () => {
    const pgPort = await freePort();
    const pgDir = join(dir, 'pg');
    const env = { DATABASE_URL: undefined, EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(pgPort) };
    const postmaster = () => readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0];

    const first = startAppProcess(env, await freePort());
    await waitForOk(`${first.baseUrl}/health/ready`, 60_000, first);
    // NODE_ENV=production (the helper's default): no OpenAPI UI unless DOCS_ENABLED=true.
    expect((await fetch(`${first.baseUrl}/docs`)).status).toBe(404);
    const serverPid = postmaster();

    // `npm run admin:create` beside `npm start`: it uses the server's database and leaves it running.
    const cli = startCliProcess(cliJs('create-admin'), ['beside@example.com'], {
      ...env,
      ADMIN_PASSWORD: 'a-long-enough-password',
    });
    expect({ code: await cli.exited(), output: cli.output().trim() }).toEqual({
      code: 0,
      output: 'beside@example.com: created',
    });
    expect(postmaster()).toBe(serverPid);
    expect((await fetch(`${first.baseUrl}/health/ready`)).status).toBe(200);
    const login = await fetch(`${first.baseUrl}/accounts/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beside@example.com', password: 'a-long-enough-password' }),
    });
    expect(login.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited()).toBe(0);
    expect(await portAnswers(pgPort)).toBe(false);

    const second = startAppProcess(env, await freePort());
    const readyMs = await waitForOk(`${second.baseUrl}/health/ready`, 60_000, second);
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
    process.stdout.write(`start-up to ready with an existing data directory: ${readyMs} ms\n`);
  });
});
