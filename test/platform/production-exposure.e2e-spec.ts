import { ConfigError } from '../../src/platform/config';
import { createTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-for-the-exposure-test-0123456789';
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'exposure-test-signing-key-0123456789-abcdef' };

describe('production exposure: what the public port shows to anonymous callers', () => {
  describe('NODE_ENV=production with METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ modules: ['catalog'], env: { ...PRODUCTION, METRICS_TOKEN } });
    });
    afterAll(() => t.close());
    const get = (url: string, authorization?: string) =>
      t.app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

    it('serves no OpenAPI UI or document', async () => {
      expect((await get('/docs')).statusCode).toBe(404);
      expect((await get('/docs-json')).statusCode).toBe(404);
    });

    it('shows metrics only to a caller with the metrics token', async () => {
      const anonymous = await get('/metrics');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.body).not.toContain('process_cpu');
      expect((await get('/metrics', 'Bearer not-the-metrics-token')).statusCode).toBe(401);
      const scraper = await get('/metrics', `Bearer ${METRICS_TOKEN}`);
      expect(scraper.statusCode).toBe(200);
      expect(scraper.body).toContain('process_cpu_user_seconds_total');
    });

    it('tells anyone whether it is ready, and only the token holder which dependency is', async () => {
      const anonymous = await get('/health/ready');
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json()).toEqual({ status: 'ok' });
      const detailed = await get('/health/ready', `Bearer ${METRICS_TOKEN}`);
      expect(detailed.statusCode).toBe(200);
      expect(Object.keys(detailed.json().details)).toContain('db:catalog');
      expect((await get('/health/live')).json()).toEqual({ status: 'ok' });
    });
  });

  describe('NODE_ENV=production without METRICS_TOKEN, with DOCS_ENABLED=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ modules: ['catalog'], env: { ...PRODUCTION, DOCS_ENABLED: 'true' } });
    });
    afterAll(() => t.close());

    it('serves the OpenAPI document when asked to', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
    });

    it('keeps metrics closed to everyone, whatever bearer is sent', async () => {
      for (const authorization of [undefined, 'Bearer anything', 'Bearer ']) {
        const reply = await t.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect(reply.statusCode).toBe(401);
      }
    });
  });

  describe('the dev mailbox (it keeps reset links readable by admins)', () => {
    const boot = (env: Record<string, string>) =>
      createTestApp({ modules: ['notifications'], env: { ...PRODUCTION, ...env } });

    it('refuses to start in production without SMTP_URL, in one line naming it', async () => {
      const refusal = await boot({}).then(
        (t) => t.close().then(() => undefined),
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).variable).toBe('SMTP_URL');
      expect((refusal as Error).message).toContain('MAIL_DEV_MAILBOX=enabled');
      expect((refusal as Error).message).not.toContain('\n');
    });

    it('starts in production with SMTP_URL, or with MAIL_DEV_MAILBOX=enabled', async () => {
      const settings: Record<string, string>[] = [
        { SMTP_URL: 'smtp://127.0.0.1:2525' },
        { MAIL_DEV_MAILBOX: 'enabled' },
      ];
      for (const env of settings) {
        const t = await boot(env);
        expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
        await t.close();
      }
    });
  });
});
