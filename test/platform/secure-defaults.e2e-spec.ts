import jwt from 'jsonwebtoken';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppProcess, freePort, startAppProcess, waitForOk } from '../support/app-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The key README and this code once published for development: anyone could sign with it. */
const PUBLISHED_DEV_KEY = 'arcade-development-secret-do-not-use-in-production';

const adminToken = (key: string): string =>
  jwt.sign({ roles: ['admin'] }, key, {
    algorithm: 'HS256',
    subject: uuidv7(),
    issuer: 'arcade',
    audience: 'arcade-api',
    expiresIn: 60,
  });

describe('secure defaults of the app as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arcade-secure-'));
  let database: TestDatabase;
  const running: AppProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of running) app.child.kill('SIGKILL');
    await Promise.all(running.map((app) => app.exited()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('development without JWT_SECRET', () => {
    const keyFile = join(dir, 'data', 'jwt-secret');
    const start = async (): Promise<AppProcess> => {
      const app = startAppProcess(
        {
          NODE_ENV: 'development',
          JWT_SECRET: undefined,
          JWT_SECRET_FILE: keyFile,
          DATABASE_URL: database.url,
          MODULES: 'accounts',
          LOG_LEVEL: 'info',
        },
        await freePort(),
      );
      running.push(app);
      await waitForOk(`${app.baseUrl}/health/ready`, 60_000, app);
      return app;
    };
    const listUsers = (app: AppProcess, token: string) =>
      fetch(`${app.baseUrl}/accounts/users`, { headers: { authorization: `Bearer ${token}` } });

    it('signs with a random key kept in the data directory, says so, and refuses tokens forged with the published key', async () => {
      const first = await start();
      const key = readFileSync(keyFile, 'utf8').trim();
      expect(key.length).toBeGreaterThanOrEqual(32);
      expect(key).not.toBe(PUBLISHED_DEV_KEY);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(first.output()).toContain(`generated a random signing key in ${keyFile}`);
      expect((await listUsers(first, adminToken(PUBLISHED_DEV_KEY))).status).toBe(401);
      expect((await listUsers(first, adminToken(key))).status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exited()).toBe(0);

      const second = await start();
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
      expect(second.output()).toContain(`signing tokens with the development key in ${keyFile}`);
      expect((await listUsers(second, adminToken(key))).status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await second.exited()).toBe(0);
    });
  });

  describe('NODE_ENV=production with an insecure default refuses to start, in one line naming the setting', () => {
    it.each<[string, Record<string, string | undefined>, RegExp]>([
      ['no JWT_SECRET', { JWT_SECRET: undefined }, /^Invalid configuration: JWT_SECRET must be set in production/],
      [
        'the published development key',
        { JWT_SECRET: PUBLISHED_DEV_KEY },
        /^Invalid configuration: JWT_SECRET is a published example value/,
      ],
      [
        "docker-compose's example key",
        { JWT_SECRET: 'change-me-to-32-or-more-random-characters' },
        /^Invalid configuration: JWT_SECRET is a published example value/,
      ],
      [
        'the dev mailbox without opting in (no SMTP_URL)',
        { MAIL_DEV_MAILBOX: undefined, SMTP_URL: undefined },
        /^Invalid configuration: SMTP_URL must be set in production \(or MAIL_DEV_MAILBOX=enabled/,
      ],
      [
        'a guessable metrics token',
        { METRICS_TOKEN: 'metrics' },
        /^Invalid configuration: METRICS_TOKEN must be at least 32/,
      ],
    ])('%s', async (_case, env, line) => {
      const app = startAppProcess({ DATABASE_URL: database.url, ...env }, await freePort());
      running.push(app);
      expect(await app.exited()).toBe(1);
      const lines = app.output().trim().split('\n');
      // Settings of the platform are read before Nest starts; a module's are read while it boots,
      // after Nest's own start-up lines: the refusal is then the last line.
      expect(lines.at(-1)).toMatch(line);
      if (!('SMTP_URL' in env)) expect(lines).toHaveLength(1);
    });
  });
});
