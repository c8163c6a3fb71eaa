import { loadConfig } from './app-config';
import { ConfigError } from './config-error';

describe('loadConfig', () => {
  it('gives sensible defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.database.url).toBeUndefined();
    expect(config.database.migrationsRun).toBe(true);
    expect(config.modules).toBeUndefined();
  });

  it('reads per-module database URLs and the module list', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://a@h/db',
      DATABASE_URL_PAYMENTS: 'postgres://p@h2/payments',
      MODULES: 'payments, recommendations',
    });
    expect(config.database.moduleUrls).toEqual({ payments: 'postgres://p@h2/payments' });
    expect(config.modules).toEqual(['payments', 'recommendations']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['DATABASE_URL', 'not a url'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['MODULES', 'Catalog!'],
    ['GATEWAY_ROUTES', 'payments'],
    ['GATEWAY_ROUTES', 'payments=ftp://h'],
    ['GATEWAY_ROUTES', 'Pay ments=http://h'],
    ['GATEWAY_ROUTES', 'payments=http://a,payments=http://b'],
    ['GATEWAY_ROUTES', '/payments=http://a'],
  ])('rejects %s=%s with one line that names the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never repeats a password from a bad URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db' })).toThrow(/\*\*\*/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db' })).not.toThrow(/secret/);
  });

  it('reads the gateway routes: a module name and the process that serves it', () => {
    const config = loadConfig({
      GATEWAY_ROUTES: 'payments=http://127.0.0.1:3001/, recommendations=https://recs.internal:8443',
      JWT_SECRET: 'a-secret-shared-by-every-process-0123',
    });
    expect(config.gateway.routes).toEqual([
      { module: 'payments', upstream: 'http://127.0.0.1:3001' },
      { module: 'recommendations', upstream: 'https://recs.internal:8443' },
    ]);
    expect(loadConfig({}).gateway.routes).toEqual([]);
  });

  describe('JWT_SECRET', () => {
    const error = (env: Record<string, string>): ConfigError | undefined => {
      try {
        loadConfig(env);
      } catch (caught) {
        return caught as ConfigError;
      }
      return undefined;
    };

    it('is optional in development and tests (the platform generates a key), never in production', () => {
      expect(loadConfig({}).auth.jwtSecret).toBeUndefined();
      expect(loadConfig({ NODE_ENV: 'test' }).auth.jwtSecret).toBeUndefined();
      expect(error({ NODE_ENV: 'production' })?.variable).toBe('JWT_SECRET');
    });

    it.each([
      'arcade-development-secret-do-not-use-in-production',
      'change-me-to-32-or-more-random-characters',
      'CHANGE_ME_please_0123456789abcdefghijkl',
    ])('refuses the published example %s in production, with one line', (secret) => {
      const refused = error({ NODE_ENV: 'production', JWT_SECRET: secret });
      expect(refused?.variable).toBe('JWT_SECRET');
      expect(refused?.message).toMatch(/published example/);
      expect(refused?.message).not.toContain('\n');
      expect(refused?.message).not.toContain(secret);
    });

    it('accepts 32 or more random characters in production', () => {
      const secret = 'q4Zt9pX2mR7vL1nB8cW3yH6kJ0sD5fG-';
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).auth.jwtSecret).toBe(secret);
      expect(error({ NODE_ENV: 'production', JWT_SECRET: secret.slice(1) })?.variable).toBe('JWT_SECRET');
    });

    it.each([
      ['JWT_SECRET', 'a'.repeat(32)],
      ['JWT_SECRET', '0123'.repeat(10)],
      ['METRICS_TOKEN', 'x'.repeat(40)],
      ['METRICS_TOKEN', 'abab'.repeat(12)],
    ])('refuses %s of 32+ characters that are not random (%s), with one line', (name, secret) => {
      const refused = error({ NODE_ENV: 'production', JWT_SECRET: 'q4Zt9pX2mR7vL1nB8cW3yH6kJ0sD5fG-', [name]: secret });
      expect(refused?.variable).toBe(name);
      expect(refused?.message).toMatch(/random/);
      expect(refused?.message).not.toContain('\n');
      expect(refused?.message).not.toContain(secret);
    });

    it("is required in development when processes are split, since each must verify the others' tokens", () => {
      expect(error({ BROKER_URL: 'nats://127.0.0.1:4222' })?.variable).toBe('JWT_SECRET');
      expect(error({ GATEWAY_ROUTES: 'payments=http://127.0.0.1:3001' })?.variable).toBe('JWT_SECRET');
      expect(loadConfig({ MODULES: 'catalog' }).auth.jwtSecret).toBeUndefined();
    });
  });
});
