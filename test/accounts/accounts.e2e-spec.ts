import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { GetUserSummary } from '../../src/modules/accounts';
import { ModuleDataSources } from '../../src/platform/database';
import { MessageBus } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';
import { Client, FAST_HASHING } from './accounts-test-kit';

/** The app's signing key, so the tests below can forge tokens that differ from genuine ones in one claim only. */
const JWT_SECRET = 'accounts-test-signing-key-0123456789-abcdef';

describe('accounts: sign-up, sessions, tokens, profile, addresses, admin', () => {
  let t: TestApp;
  let client: Client;
  const db = (): DataSource => t.app.get(ModuleDataSources).get('accounts')!;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await db().query(sql, params)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['accounts', 'notifications'],
      env: {
        ...FAST_HASHING,
        JWT_SECRET,
        ADMIN_EMAIL: 'Root@Example.com',
        ADMIN_PASSWORD: 'admin-bootstrap-pass-9',
        LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '8',
      },
    });
    client = new Client(t.app);
  });
  afterAll(() => t.close());

  describe('sign-up', () => {
    it('creates a customer and answers {id, email, name}', async () => {
      const reply = await client.call('POST', '/accounts/signup', {
        body: { email: 'Ada@Example.com', password: 'analytical-engine-1843', name: 'Ada' },
      });
      expect(reply.status).toBe(201);
      expect(reply.json()).toEqual({ id: expect.any(String), email: 'ada@example.com', name: 'Ada' });
    });

    it('answers 409 for an email already taken, in any case', async () => {
      const reply = await client.call('POST', '/accounts/signup', {
        body: { email: 'ADA@example.com', password: 'another-fine-pass-77', name: 'Imposter' },
      });
      expect(reply.status).toBe(409);
      expect(reply.headers['content-type']).toContain('application/problem+json');
    });

    it.each([['short1'], ['password123'], ['qwertyuiop'], ['x'.repeat(129)]])(
      'refuses the weak or common password %s with 400',
      async (password) => {
        const reply = await client.call('POST', '/accounts/signup', {
          body: { email: `weak-${password.length}@example.com`, password, name: 'Weak' },
        });
        expect(reply.status).toBe(400);
        expect(reply.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['password']);
        expect(
          await count(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [`weak-${password.length}@example.com`]),
        ).toBe(0);
      },
    );

    it('accepts a 128-character password whole, without truncating it', async () => {
      const long = 'k3y!'.repeat(32);
      await client.signUp('long@example.com', long);
      await client.logIn('long@example.com', long);
      const truncated = await client.call('POST', '/accounts/login', {
        body: { email: 'long@example.com', password: long.slice(0, 72) },
      });
      expect(truncated.status).toBe(401);
    });

    it('refuses unknown fields such as roles, and creates nothing', async () => {
      const reply = await client.call('POST', '/accounts/signup', {
        body: { email: 'mallory@example.com', password: 'sneaky-admin-pass-1', name: 'Mallory', roles: ['admin'] },
      });
      expect(reply.status).toBe(400);
      expect(reply.json<{ errors: { field: string }[] }>().errors).toEqual([
        { field: 'roles', message: 'property roles should not exist' },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'mallory@example.com'`)).toBe(0);
    });
  });

  describe('login and sessions', () => {
    beforeAll(() => client.signUp('grace@example.com', 'cobol-compiler-1959', 'Grace'));

    it('logs in with the right password and the token proves who you are', async () => {
      const tokens = await client.logIn('GRACE@example.com', 'cobol-compiler-1959');
      expect(tokens).toMatchObject({ expiresIn: 900, refreshToken: expect.any(String) });
      const me = await client.call('GET', '/accounts/me', { token: tokens.accessToken });
      expect(me.status).toBe(200);
      expect(me.json()).toMatchObject({ email: 'grace@example.com', name: 'Grace', roles: ['customer'] });
      const claims = jwt.decode(tokens.accessToken, { complete: true })!;
      expect(claims.header.alg).toBe('HS256');
      expect(claims.payload).toMatchObject({
        iss: 'arcade',
        aud: 'arcade-api',
        sub: me.json().id,
        roles: ['customer'],
      });
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const wrong = await client.call('POST', '/accounts/login', {
        body: { email: 'grace@example.com', password: 'not-her-password' },
      });
      const unknown = await client.call('POST', '/accounts/login', {
        body: { email: 'nobody@example.com', password: 'not-her-password' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    });

    it('rotates refresh tokens; reusing a rotated one revokes the whole session', async () => {
      const r1 = (await client.logIn('grace@example.com', 'cobol-compiler-1959')).refreshToken;
      const second = await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: r1 } });
      expect(second.status).toBe(200);
      const r2 = second.json<{ refreshToken: string; accessToken: string }>().refreshToken;
      expect(r2).not.toBe(r1);
      expect((await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: r1 } })).status).toBe(401);
      expect((await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: r2 } })).status).toBe(401);
    });

    it('logout revokes the session; other sessions live on', async () => {
      const a = await client.logIn('grace@example.com', 'cobol-compiler-1959');
      const b = await client.logIn('grace@example.com', 'cobol-compiler-1959');
      const logout = await client.call('POST', '/accounts/logout', {
        token: a.accessToken,
        body: { refreshToken: a.refreshToken },
      });
      expect(logout.status).toBe(204);
      expect(
        (await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: a.refreshToken } })).status,
      ).toBe(401);
      expect(
        (await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: b.refreshToken } })).status,
      ).toBe(200);
    });

    it('a password change revokes every refresh token of the user', async () => {
      await client.signUp('linus@example.com', 'penguin-kernel-1991', 'Linus');
      const session = await client.logIn('linus@example.com', 'penguin-kernel-1991');
      const wrongCurrent = await client.call('POST', '/accounts/me/password', {
        token: session.accessToken,
        body: { currentPassword: 'nope-nope-nope', newPassword: 'git-was-2005-later' },
      });
      expect(wrongCurrent.status).toBe(400);
      const changed = await client.call('POST', '/accounts/me/password', {
        token: session.accessToken,
        body: { currentPassword: 'penguin-kernel-1991', newPassword: 'git-was-2005-later' },
      });
      expect(changed.status).toBe(204);
      expect(
        (await client.call('POST', '/accounts/token/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
      await client.logIn('linus@example.com', 'git-was-2005-later');
    });

    it('limits attempts per account with 429 and Retry-After, unknown emails alike', async () => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await client.call('POST', '/accounts/login', {
          body: { email: 'ghost@example.com', password: 'whatever-it-is' },
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.headers['content-type']).toContain('application/problem+json');
    });

    it('limits attempts per client address across accounts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) {
        const reply = await client.call('POST', '/accounts/login', {
          address: '192.0.2.77',
          body: { email: `spray-${i}@example.com`, password: 'whatever-it-is' },
        });
        statuses.push(reply.status);
      }
      expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
      expect(statuses[8]).toBe(429);
    });
  });

  describe('access tokens checked by the platform guard', () => {
    const secret = JWT_SECRET;
    let userId: string;
    let good: string;
    beforeAll(async () => {
      userId = (await client.signUp('tokens@example.com')).id;
      good = (await client.logIn('tokens@example.com')).accessToken;
    });
    const me = (token: string) => client.call('GET', '/accounts/me', { token });

    it('accepts the genuine token', async () => {
      expect((await me(good)).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      const expired = jwt.sign({ roles: ['customer'] }, secret, {
        algorithm: 'HS256',
        subject: userId,
        issuer: 'arcade',
        audience: 'arcade-api',
        expiresIn: -10,
      });
      expect((await me(expired)).status).toBe(401);
    });

    it('refuses a tampered token (roles changed, signature kept)', async () => {
      const [header, , signature] = good.split('.');
      const payload = Buffer.from(JSON.stringify({ ...(jwt.decode(good) as object), roles: ['admin'] })).toString(
        'base64url',
      );
      expect((await me(`${header}.${payload}.${signature}`)).status).toBe(401);
      expect((await client.call('GET', '/accounts/users', { token: `${header}.${payload}.${signature}` })).status).toBe(
        401,
      );
    });

    it('refuses alg:none', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(jwt.decode(good))).toString('base64url');
      expect((await me(`${header}.${payload}.`)).status).toBe(401);
    });

    it('refuses a token for another audience', async () => {
      const other = jwt.sign({ roles: ['customer'] }, secret, {
        algorithm: 'HS256',
        subject: userId,
        issuer: 'arcade',
        audience: 'another-api',
        expiresIn: 60,
      });
      expect((await me(other)).status).toBe(401);
    });

    it('gives a customer 403 on admin routes', async () => {
      expect((await client.call('GET', '/accounts/users', { token: good })).status).toBe(403);
      expect((await client.call('GET', '/notifications/mailbox', { token: good })).status).toBe(403);
      expect((await client.call('GET', '/admin/messaging', { token: good })).status).toBe(403);
    });

    it('answers 401 without a token on authenticated routes', async () => {
      expect((await client.call('GET', '/accounts/me')).status).toBe(401);
    });
  });

  describe('profile and addresses', () => {
    let ada: string;
    let bob: string;
    const address = { name: 'Ada', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
    beforeAll(async () => {
      await client.signUp('ada.addr@example.com');
      await client.signUp('bob.addr@example.com');
      ada = (await client.logIn('ada.addr@example.com')).accessToken;
      bob = (await client.logIn('bob.addr@example.com')).accessToken;
    });

    it('edits the name but refuses roles or email in the profile body', async () => {
      const edited = await client.call('PATCH', '/accounts/me', { token: ada, body: { name: 'Ada L.' } });
      expect(edited.status).toBe(200);
      expect(edited.json()).toMatchObject({ name: 'Ada L.', roles: ['customer'] });
      const sneaky = await client.call('PATCH', '/accounts/me', { token: ada, body: { roles: ['admin'] } });
      expect(sneaky.status).toBe(400);
      expect((await client.call('GET', '/accounts/me', { token: ada })).json()).toMatchObject({ roles: ['customer'] });
    });

    it('creates, lists, edits and deletes addresses', async () => {
      const created = await client.call('POST', '/accounts/me/addresses', { token: ada, body: address });
      expect(created.status).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect(created.json()).toEqual({ id, ...address, line2: null });
      const edited = await client.call('PATCH', `/accounts/me/addresses/${id}`, {
        token: ada,
        body: { line2: 'Flat 2' },
      });
      expect(edited.json()).toMatchObject({ line2: 'Flat 2', city: 'London' });
      const list = await client.call('GET', '/accounts/me/addresses', { token: ada });
      expect(list.json()).toEqual({ items: [{ ...address, id, line2: 'Flat 2' }], nextCursor: null });
      expect((await client.call('DELETE', `/accounts/me/addresses/${id}`, { token: ada })).status).toBe(204);
      expect((await client.call('GET', '/accounts/me/addresses', { token: ada })).json()).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it("answers 404 for another user's address and leaves it alone", async () => {
      const id = (await client.call('POST', '/accounts/me/addresses', { token: ada, body: address })).json<{
        id: string;
      }>().id;
      expect(
        (await client.call('PATCH', `/accounts/me/addresses/${id}`, { token: bob, body: { city: 'Paris' } })).status,
      ).toBe(404);
      expect((await client.call('DELETE', `/accounts/me/addresses/${id}`, { token: bob })).status).toBe(404);
      const list = await client.call('GET', '/accounts/me/addresses', { token: ada });
      expect(list.json<{ items: { city: string }[] }>().items).toEqual([
        expect.objectContaining({ id, city: 'London' }),
      ]);
    });

    it('refuses an unknown field or a bad country, and changes nothing', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM addresses`);
      expect(
        (await client.call('POST', '/accounts/me/addresses', { token: ada, body: { ...address, userId: 'x' } })).status,
      ).toBe(400);
      expect(
        (await client.call('POST', '/accounts/me/addresses', { token: ada, body: { ...address, country: 'ZZ' } }))
          .status,
      ).toBe(400);
      expect(await count(`SELECT count(*)::int AS n FROM addresses`)).toBe(before);
    });
  });

  describe('admin', () => {
    let admin: string;
    beforeAll(async () => {
      admin = (await client.logIn('root@example.com', 'admin-bootstrap-pass-9')).accessToken;
    });

    it('the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
      expect(jwt.decode(admin)).toMatchObject({ roles: ['admin'] });
    });

    it('lists users page by page, with an email filter', async () => {
      const first = await client.call('GET', '/accounts/users?limit=2', { token: admin });
      expect(first.status).toBe(200);
      const page = first.json<{ items: { email: string }[]; nextCursor: string }>();
      expect(page.items).toHaveLength(2);
      const next = await client.call('GET', `/accounts/users?limit=2&cursor=${page.nextCursor}`, { token: admin });
      expect(next.json<{ items: { email: string }[] }>().items[0].email).not.toBe(page.items[1].email);
      const filtered = await client.call('GET', '/accounts/users?email=GRACE', { token: admin });
      expect(filtered.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toEqual(['grace@example.com']);
      expect((await client.call('GET', '/accounts/users?cursor=garbage', { token: admin })).status).toBe(400);
    });

    it('sets roles; the next refresh carries them', async () => {
      const { id } = await client.signUp('promoted@example.com');
      const session = await client.logIn('promoted@example.com');
      const set = await client.call('PUT', `/accounts/users/${id}/roles`, {
        token: admin,
        body: { roles: ['customer', 'admin'] },
      });
      expect(set.status).toBe(200);
      expect(
        (await client.call('PUT', `/accounts/users/${id}/roles`, { token: admin, body: { roles: ['root'] } })).status,
      ).toBe(400);
      const refreshed = await client.call('POST', '/accounts/token/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(jwt.decode(refreshed.json<{ accessToken: string }>().accessToken)).toMatchObject({
        roles: ['customer', 'admin'],
      });
    });
  });

  it('answers other modules with a public summary through the query bus', async () => {
    const { id } = await client.signUp('summary@example.com', undefined, 'Summary Person');
    const bus = t.app.get(MessageBus);
    expect(await bus.query(new GetUserSummary(id))).toEqual({
      userId: id,
      email: 'summary@example.com',
      name: 'Summary Person',
    });
    expect(await bus.query(new GetUserSummary('0190a000-0000-7000-8000-00000000ffff'))).toBeNull();
  });

  it('never answers with a password hash or a token hash', async () => {
    const hashes = (await db().query(
      `SELECT password_hash AS h FROM users
       UNION ALL SELECT encode(token_hash, 'hex') FROM refresh_tokens
       UNION ALL SELECT encode(token_hash, 'base64') FROM refresh_tokens
       UNION ALL SELECT encode(token_hash, 'hex') FROM password_reset_tokens`,
    )) as { h: string }[];
    expect(hashes.length).toBeGreaterThan(10);
    expect(client.replies.length).toBeGreaterThan(50);
    for (const reply of client.replies) {
      expect(reply.body).not.toMatch(/\$argon2|password_?hash|token_?hash/i);
      for (const { h } of hashes) expect(reply.body.includes(h)).toBe(false);
    }
  });
});
