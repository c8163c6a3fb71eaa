import { DataSource } from 'typeorm';
import { UserRegistered } from '../../src/modules/accounts';
import { ModuleDataSources } from '../../src/platform/database';
import { Client, FAST_HASHING } from '../accounts/accounts-test-kit';
import { Scenario } from '../support/scenario';
import { decodeMail, SmtpTestServer } from './smtp-test-server';

const RESET_TEMPLATE = 'https://shop.example.test/reset-password?token={token}';

function tokenIn(raw: string): string {
  const match = /https:\/\/shop\.example\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(decodeMail(raw));
  if (!match) throw new Error('no reset link in the mail');
  return match[1];
}

describe('password reset over SMTP (end to end)', () => {
  let smtp: SmtpTestServer;
  let s: Scenario;
  let client: Client;
  const accounts = (): DataSource => s.app.get(ModuleDataSources).get('accounts')!;

  beforeAll(async () => {
    smtp = new SmtpTestServer();
    const url = await smtp.start();
    s = await Scenario.start({
      modules: ['accounts', 'notifications'],
      env: {
        ...FAST_HASHING,
        SMTP_URL: url,
        PASSWORD_RESET_URL_TEMPLATE: RESET_TEMPLATE,
        MAIL_FROM: 'Arcade <shop@example.test>',
      },
    });
    client = new Client(s.app);
  });
  afterAll(async () => {
    await s.close();
    await smtp.stop();
  });

  it('sends a welcome email over SMTP on sign-up', async () => {
    await client.signUp('welcome@example.com', undefined, 'Wendy');
    const mail = await smtp.waitFor('welcome@example.com');
    const text = decodeMail(mail.raw);
    expect(text).toContain('Subject: Welcome to Arcade, Wendy');
    expect(text).toContain('From: Arcade <shop@example.test>');
    expect(text).toMatch(/Content-Type: text\/plain/);
    expect(text).toMatch(/Content-Type: text\/html/);
  });

  it('resets the password with the emailed token, once, and revokes old sessions', async () => {
    await client.signUp('forgetful@example.com', 'first-password-of-mine', 'Forgetful');
    const oldSession = await client.logIn('forgetful@example.com', 'first-password-of-mine');

    const known = await client.call('POST', '/accounts/password/forgot', {
      body: { email: 'Forgetful@example.com' },
      headers: { host: 'evil.example.org' },
    });
    const unknown = await client.call('POST', '/accounts/password/forgot', { body: { email: 'nobody@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toBe(unknown.body);

    const mail = await smtp.waitFor('forgetful@example.com', (raw) => raw.includes('reset-password?token='));
    expect(decodeMail(mail.raw)).not.toContain('evil.example.org');
    const token = tokenIn(mail.raw);

    const weak = await client.call('POST', '/accounts/password/reset', { body: { token, password: 'password1' } });
    expect(weak.status).toBe(400);
    const reset = await client.call('POST', '/accounts/password/reset', {
      body: { token, password: 'second-password-now' },
    });
    expect(reset.status).toBe(204);

    const again = await client.call('POST', '/accounts/password/reset', {
      body: { token, password: 'third-password-try' },
    });
    expect(again.status).toBe(400);
    const refresh = await client.call('POST', '/accounts/token/refresh', {
      body: { refreshToken: oldSession.refreshToken },
    });
    expect(refresh.status).toBe(401);
    expect(
      (
        await client.call('POST', '/accounts/login', {
          body: { email: 'forgetful@example.com', password: 'first-password-of-mine' },
        })
      ).status,
    ).toBe(401);
    await client.logIn('forgetful@example.com', 'second-password-now');
    await smtp.waitFor('forgetful@example.com', (raw) => raw.includes('Your Arcade password was changed'));
    expect(smtp.mails.some((m) => m.to.includes('nobody@example.com'))).toBe(false);
  });

  it('refuses an expired token', async () => {
    await client.signUp('late@example.com', 'late-comer-password', 'Late');
    await client.call('POST', '/accounts/password/forgot', { body: { email: 'late@example.com' } });
    const token = tokenIn((await smtp.waitFor('late@example.com', (raw) => raw.includes('token='))).raw);
    await accounts().query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'`);
    const reply = await client.call('POST', '/accounts/password/reset', {
      body: { token, password: 'too-late-password' },
    });
    expect(reply.status).toBe(400);
    await client.logIn('late@example.com', 'late-comer-password');
  });

  it('a failed send is retried by the relay and ends as a dead letter', async () => {
    const refusing = new SmtpTestServer({ reject: true });
    const url = await refusing.start();
    const failing = await Scenario.start({
      modules: ['accounts', 'notifications'],
      env: {
        ...FAST_HASHING,
        SMTP_URL: url,
        OUTBOX_MAX_ATTEMPTS: '2',
        OUTBOX_RETRY_BASE_MS: '10',
        OUTBOX_RETRY_MAX_MS: '20',
        OUTBOX_POLL_MS: '20',
      },
    });
    try {
      await new Client(failing.app).signUp('bounce@example.com');
      await failing.waitForEvent(UserRegistered);
      const outbox = failing.app.get(ModuleDataSources).get('accounts')!;
      const deadline = Date.now() + 10_000;
      let row: { status: string; attempts: number; last_error: string } | undefined;
      while (Date.now() < deadline) {
        [row] = (await outbox.query(
          `SELECT status, attempts, last_error FROM outbox WHERE type = 'accounts.UserRegistered.v1'`,
        )) as (typeof row)[];
        if (row?.status === 'dead') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(row).toMatchObject({ status: 'dead', attempts: 2 });
      expect(row!.last_error).toMatch(/550|mailbox unavailable/);
      const logged = failing.app.get(ModuleDataSources).get('notifications')!;
      expect(((await logged.query(`SELECT count(*)::int AS n FROM messages`)) as { n: number }[])[0].n).toBe(0);
    } finally {
      await failing.close();
      await refusing.stop();
    }
  });
});
