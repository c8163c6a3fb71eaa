import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ModuleDataSources } from '../../src/platform/database';
import { createTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait-until';
import { Client, FAST_HASHING } from './accounts-test-kit';
import { redisAvailable, REDIS_URL } from '../support/redis';

const PASSWORD = 'violet-kettle-harbour-42';

describe('abuse limits that do not become the attack', () => {
  let t: TestApp;
  let client: Client;
  const accounts = (): DataSource => t.app.get(ModuleDataSources).get('accounts')!;
  const notifications = (): DataSource => t.app.get(ModuleDataSources).get('notifications')!;
  const logIn = (email: string, password: string, address: string) =>
    client.call('POST', '/accounts/login', { body: { email, password }, address });

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['accounts', 'notifications'],
      // Production's login defaults (10 per account and address, 100 per account, 50 per address).
      env: { ...FAST_HASHING, SIGNUP_MAX_PER_ADDRESS: '4', PASSWORD_RESET_MAX_PER_ADDRESS: '20' },
    });
    client = new Client(t.app);
  });
  afterAll(() => t.close());

  describe('login', () => {
    it("ten wrong passwords from an attacker block the attacker, not the owner at the owner's address", async () => {
      await client.signUp('owner@example.com');
      const attacker = '203.0.113.66';
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await logIn('owner@example.com', `guess-${i}-wrong`, attacker)).status);
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      const blocked = client.replies.at(-1)!;
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json<{ type: string }>().type).toMatch(/too-many-login-attempts$/);
      // Even the right password stays refused from the attacker's address…
      expect((await logIn('owner@example.com', PASSWORD, attacker)).status).toBe(429);
      // …while the owner, at home, logs in.
      expect((await logIn('owner@example.com', PASSWORD, '198.51.100.10')).status).toBe(200);
    });

    it('holds a much higher ceiling per account across every address (distributed guessing)', async () => {
      await client.signUp('target@example.com');
      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) {
        statuses.push((await logIn('target@example.com', 'wrong-password-x', `10.66.${i >> 8}.${i & 255}`)).status);
      }
      expect(statuses.slice(0, 100).every((status) => status === 401)).toBe(true);
      expect(statuses[100]).toBe(429);
    });

    it('counts an IPv6 client by its /64 network', async () => {
      const attempts = async (email: string, address: (i: number) => string) => {
        const statuses: number[] = [];
        for (let i = 1; i <= 11; i++) statuses.push((await logIn(email, 'wrong-password-x', address(i))).status);
        return statuses;
      };
      // One subscriber rotating through the addresses of their /64 is one client…
      expect((await attempts('v6-a@example.com', (i) => `2001:db8:5:6::${i.toString(16)}`)).at(-1)).toBe(429);
      // …eleven /64 networks are eleven clients, each under its own budget.
      expect(await attempts('v6-b@example.com', (i) => `2001:db8:5:${i.toString(16)}::1`)).toEqual(
        Array<number>(11).fill(401),
      );
    });

    it('a right password clears only that client’s failures on the account', async () => {
      await client.signUp('typo@example.com');
      const home = '198.51.100.20';
      for (let i = 0; i < 9; i++) expect((await logIn('typo@example.com', 'typo-typo-typo', home)).status).toBe(401);
      expect((await logIn('typo@example.com', PASSWORD, home)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await logIn('typo@example.com', 'typo-typo-typo', home)).status).toBe(401);
    });
  });

  describe('sign-up', () => {
    it('is limited per client address (each one costs an argon2 hash)', async () => {
      const address = '192.0.2.44';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const reply = await client.call('POST', '/accounts/signup', {
          address,
          body: { email: `bulk-${i}@example.com`, password: PASSWORD, name: 'Bulk' },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429]);
      const created = (await accounts().query(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'bulk-%'`)) as {
        n: number;
      }[];
      expect(created[0].n).toBe(4);
    });

    it('is limited per email, however it is cased', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const email = i % 2 ? 'Popular@Example.com' : 'popular@example.com';
        statuses.push(
          (await client.call('POST', '/accounts/signup', { body: { email, password: PASSWORD, name: 'Again' } }))
            .status,
        );
      }
      expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
    });
  });

  describe('password reset requests', () => {
    const forgot = (email: string, address?: string) =>
      client.call('POST', '/accounts/password/forgot', { body: { email }, address });
    const tokensOf = async (email: string) =>
      (await accounts().query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE used_at IS NULL)::int AS live
         FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
        [email],
      )) as { total: number; live: number }[];
    const resetMails = async (email: string) =>
      (
        (await notifications().query(
          `SELECT count(*)::int AS n FROM messages WHERE to_address = $1 AND template = 'password-reset'`,
          [email],
        )) as { n: number }[]
      )[0].n;

    it('300 requests for one email send 3 emails, and only the newest link works', async () => {
      await client.signUp('flooded@example.com');
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) statuses.push((await forgot('flooded@example.com')).status);
      expect(statuses.filter((status) => status === 202)).toHaveLength(3);
      expect(statuses.slice(3).every((status) => status === 429)).toBe(true);
      await waitUntil(async () => (await resetMails('flooded@example.com')) === 3);
      expect(await tokensOf('flooded@example.com')).toEqual([{ total: 3, live: 1 }]);
    });

    it('a new link revokes the older ones', async () => {
      await client.signUp('twice@example.com');
      const links = async () =>
        (
          (await notifications().query(
            `SELECT text_body AS text FROM messages WHERE to_address = 'twice@example.com' AND template = 'password-reset' ORDER BY id`,
          )) as { text: string }[]
        ).map((m) => /token=([A-Za-z0-9_-]+)/.exec(m.text)![1]);
      await forgot('twice@example.com');
      await waitUntil(async () => (await links()).length === 1);
      await forgot('twice@example.com');
      await waitUntil(async () => (await links()).length === 2);
      const [older, newer] = await links();
      const reset = (token: string) =>
        client.call('POST', '/accounts/password/reset', { body: { token, password: 'brand-new-password-77' } });
      expect((await reset(older)).status).toBe(400);
      expect((await reset(newer)).status).toBe(204);
    });

    it('is limited per client address, across emails', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await forgot(`someone-${i}@example.com`, '192.0.2.99')).status);
      expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
      expect(statuses[20]).toBe(429);
    });
  });
});

describe('abuse limits shared by instances through Redis (REDIS_URL)', () => {
  if (!redisAvailable()) return it.skip('needs Redis', () => undefined);
  const prefix = `arcade-test-${randomBytes(4).toString('hex')}`;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const env = { ...FAST_HASHING, REDIS_URL, REDIS_PREFIX: prefix, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: '6' };
    first = await createTestApp({ modules: ['accounts'], env });
    second = await createTestApp({ modules: ['accounts'], env });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('counts the attempts an attacker spreads over two instances as one', async () => {
    const clients = [new Client(first.app), new Client(second.app)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await clients[i % 2].call('POST', '/accounts/login', {
        address: '203.0.113.200',
        body: { email: 'shared@example.com', password: 'wrong-password-x' },
      });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});
