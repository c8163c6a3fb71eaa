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

  it('reads the gateway routes: a URL prefix and the process that serves it', () => {
    const config = loadConfig({
      GATEWAY_ROUTES: '/payments=http://127.0.0.1:3001/, recommendations=https://recs.internal:8443',
    });
    expect(config.gateway.routes).toEqual([
      { prefix: 'payments', upstream: 'http://127.0.0.1:3001' },
      { prefix: 'recommendations', upstream: 'https://recs.internal:8443' },
    ]);
    expect(loadConfig({}).gateway.routes).toEqual([]);
  });
});
