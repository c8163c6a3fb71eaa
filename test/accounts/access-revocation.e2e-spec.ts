import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/create-app';
import { loadConfig } from '../../src/platform/config';
import { ModuleDataSources } from '../../src/platform/database';
import { natsAvailable, removeStreamsOf, startSplitApp } from '../extraction/support/split-apps';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitUntil } from '../support/wait-until';
import { Client, FAST_HASHING, Tokens } from './accounts-test-kit';

const ROOT = { email: 'root@example.com', password: 'root-admin-pass-of-9' };

/** Signs up a user, makes them an admin (as root) and logs them in with their new rights. */
async function newAdmin(client: Client, root: string, email: string): Promise<{ id: string; session: Tokens }> {
  const { id } = await client.signUp(email);
  const promoted = await client.call('PUT', `/accounts/users/${id}/roles`, {
    token: root,
    body: { roles: ['customer', 'admin'] },
  });
  if (promoted.status !== 200) throw new Error(`promotion answered ${promoted.status}`);
  return { id, session: await client.logIn(email) };
}

/**
 * Makes a new admin through `owner` (which hosts accounts), proves their token opens `path` on
 * `other`, demotes them, and waits until `other` refuses it (its cached status expires).
 */
async function demotionReaches(
  owner: NestFastifyApplication,
  other: NestFastifyApplication,
  path: string,
  email: string,
): Promise<void> {
  const a = new Client(owner);
  const b = new Client(other);
  const root = (await a.logIn(ROOT.email, ROOT.password)).accessToken;
  const demoted = await newAdmin(a, root, email);
  const onOther = () => b.call('GET', path, { token: demoted.session.accessToken });
  expect((await onOther()).status).toBe(200);
  await a.call('PUT', `/accounts/users/${demoted.id}/roles`, { token: root, body: { roles: ['customer'] } });
  await waitUntil(async () => (await onOther()).status === 403, 10_000);
}

describe('access changes take effect now, not when the access token expires', () => {
  let t: TestApp;
  let client: Client;
  let root: string;
  const adminRoute = (token: string) => client.call('GET', '/accounts/users?limit=1', { token });

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['accounts', 'notifications'],
      env: { ...FAST_HASHING, ADMIN_EMAIL: ROOT.email, ADMIN_PASSWORD: ROOT.password },
    });
    client = new Client(t.app);
    root = (await client.logIn(ROOT.email, ROOT.password)).accessToken;
  });
  afterAll(() => t.close());

  it('a demoted admin loses admin rights at once, on every admin route', async () => {
    const demoted = await newAdmin(client, root, 'demoted@example.com');
    const token = demoted.session.accessToken;
    expect((await adminRoute(token)).status).toBe(200);
    expect((await client.call('GET', '/admin/messaging', { token })).status).toBe(200);

    const demote = await client.call('PUT', `/accounts/users/${demoted.id}/roles`, {
      token: root,
      body: { roles: ['customer'] },
    });
    expect(demote.status).toBe(200);

    expect((await adminRoute(token)).status).toBe(403);
    expect((await client.call('GET', '/admin/messaging', { token })).status).toBe(403);
    expect((await client.call('GET', '/notifications/mailbox', { token })).status).toBe(403);
    // Still a customer with a valid session.
    const me = await client.call('GET', '/accounts/me', { token });
    expect(me.status).toBe(200);
  });

  it('logout everywhere ends admin sessions at once (POST /accounts/logout-all)', async () => {
    const admin = await newAdmin(client, root, 'leaving@example.com');
    const other = await client.logIn('leaving@example.com');
    expect((await adminRoute(admin.session.accessToken)).status).toBe(200);

    expect((await client.call('POST', '/accounts/logout-all', { token: admin.session.accessToken })).status).toBe(204);

    for (const session of [admin.session, other]) {
      const refused = await adminRoute(session.accessToken);
      expect(refused.status).toBe(401);
      expect(refused.json<{ type: string }>().type).toMatch(/session-revoked$/);
      const refresh = await client.call('POST', '/accounts/token/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(refresh.status).toBe(401);
    }
    const again = await client.logIn('leaving@example.com');
    expect((await adminRoute(again.accessToken)).status).toBe(200);
  });

  it('logout with everywhere: true does the same', async () => {
    const admin = await newAdmin(client, root, 'everywhere@example.com');
    const logout = await client.call('POST', '/accounts/logout', {
      token: admin.session.accessToken,
      body: { refreshToken: admin.session.refreshToken, everywhere: true },
    });
    expect(logout.status).toBe(204);
    expect((await adminRoute(admin.session.accessToken)).status).toBe(401);
  });

  it('a password reset ends admin sessions at once', async () => {
    const admin = await newAdmin(client, root, 'reset-admin@example.com');
    expect(
      (await client.call('POST', '/accounts/password/forgot', { body: { email: 'reset-admin@example.com' } })).status,
    ).toBe(202);
    const notifications = (): DataSource => t.app.get(ModuleDataSources).get('notifications')!;
    let link: string | undefined;
    await waitUntil(async () => {
      const rows = (await notifications().query(
        `SELECT text_body FROM messages WHERE to_address = 'reset-admin@example.com' AND template = 'password-reset'`,
      )) as { text_body: string }[];
      link = rows[0] && /token=([A-Za-z0-9_-]+)/.exec(rows[0].text_body)![1];
      return link !== undefined;
    });
    const reset = await client.call('POST', '/accounts/password/reset', {
      body: { token: link, password: 'a-whole-new-password-5' },
    });
    expect(reset.status).toBe(204);
    expect((await adminRoute(admin.session.accessToken)).status).toBe(401);
  });

  it('a password change ends admin sessions at once', async () => {
    const admin = await newAdmin(client, root, 'changer@example.com');
    const changed = await client.call('POST', '/accounts/me/password', {
      token: admin.session.accessToken,
      body: { currentPassword: 'violet-kettle-harbour-42', newPassword: 'another-fine-password-8' },
    });
    expect(changed.status).toBe(204);
    expect((await adminRoute(admin.session.accessToken)).status).toBe(401);
  });

  it('an admin token of a user who does not exist is refused', async () => {
    const admin = await newAdmin(client, root, 'vanishing@example.com');
    const accounts = (): DataSource => t.app.get(ModuleDataSources).get('accounts')!;
    await accounts().query(`DELETE FROM users WHERE id = $1`, [admin.id]);
    // The cache may still hold the user for ACCESS_STATUS_CACHE_MS (2 s by default).
    await waitUntil(async () => (await adminRoute(admin.session.accessToken)).status === 401, 5000);
  });
});

describe('access changes reach every process within seconds', () => {
  let database: TestDatabase;
  let one: NestFastifyApplication;
  let two: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      ...FAST_HASHING,
      ADMIN_EMAIL: ROOT.email,
      ADMIN_PASSWORD: ROOT.password,
      ACCESS_STATUS_CACHE_MS: '1000',
    };
    // Two instances on one database, as behind a load balancer.
    const boot = async (): Promise<NestFastifyApplication> => {
      const config = loadConfig({
        ...process.env,
        ...env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.url,
        MODULES: 'accounts',
      });
      const app = await createApp(config, { database });
      await app.getHttpAdapter().getInstance().ready();
      return app;
    };
    one = await boot();
    two = await boot();
  });
  afterAll(async () => {
    await Promise.allSettled([one?.close(), two?.close()]);
    await database.drop();
  });

  it('a demotion made on one instance bites on the other once its cache entry expires', () =>
    demotionReaches(one, two, '/accounts/users?limit=1', 'elsewhere@example.com'));
});

const describeWithNats = natsAvailable('the split-topology access test') ? describe : describe.skip;

describeWithNats('access changes reach a process that does not host accounts (over NATS)', () => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let accounts: NestFastifyApplication;
  let payments: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      ...FAST_HASHING,
      ADMIN_EMAIL: ROOT.email,
      ADMIN_PASSWORD: ROOT.password,
      ACCESS_STATUS_CACHE_MS: '1000',
      SIGNUP_MAX_PER_ADDRESS: '1000',
    };
    accounts = await startSplitApp({ database, prefix, modules: ['accounts'], env });
    payments = await startSplitApp({ database, prefix, modules: ['payments'], env });
  });
  afterAll(async () => {
    await Promise.allSettled([accounts?.close(), payments?.close()]);
    await Promise.allSettled([database.drop(), removeStreamsOf(prefix)]);
  });

  it("a demoted admin's token stops opening the payments process's admin routes", () =>
    demotionReaches(accounts, payments, '/admin/messaging', 'split-admin@example.com'));
});
