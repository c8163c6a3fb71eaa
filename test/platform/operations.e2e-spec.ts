import { ModuleDataSources } from '../../src/platform/database';
import { createTestApp, TestApp } from '../support/test-app';

describe('health, metrics and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is live', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
  });

  it('is ready once every module database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    const checks = Object.keys(response.json().details);
    for (const module of [
      'accounts',
      'catalog',
      'cart',
      'orders',
      'payments',
      'recommendations',
      'notifications',
      'shipping',
      'promotions',
      'tax',
      'ai',
    ]) {
      expect(checks).toContain(`db:${module}`);
    }
  });

  it('exposes Prometheus metrics, with request durations by route', async () => {
    await t.app.inject({ method: 'GET', url: '/health/live' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"/);
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().paths).toHaveProperty('/health/ready');
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it("applies every module migration into that module's own migrations table", async () => {
    for (const module of ['catalog', 'orders']) {
      const dataSource = t.app.get(ModuleDataSources).get(module)!;
      const rows = await dataSource.query(`SELECT name FROM "${module}".migrations`);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
