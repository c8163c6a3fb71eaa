import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { freePort, startAppProcess, waitForOk } from '../support/app-process';

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

  it('serves on an embedded PostgreSQL with no DATABASE_URL, shuts down cleanly, and restarts on the same data', async () => {
    const pgPort = await freePort();
    const env = { DATABASE_URL: undefined, EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(pgPort) };

    const first = startAppProcess(env, await freePort());
    await waitForOk(`${first.baseUrl}/health/ready`, 60_000, first);
    // NODE_ENV=production (the helper's default): no OpenAPI UI unless DOCS_ENABLED=true.
    expect((await fetch(`${first.baseUrl}/docs`)).status).toBe(404);
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
