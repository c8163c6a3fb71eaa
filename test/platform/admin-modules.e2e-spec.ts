import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

interface Entry {
  name: string;
  urlPrefixes: string[];
  publishes: string[];
  handlesCommands: string[];
  answersQueries: string[];
  subscribesTo: string[];
  host: { kind: string; upstream?: string };
}

describe('GET /admin/modules: the module map from the code and where each module runs (real PostgreSQL)', () => {
  describe('all modules in one process', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('lists every module with its prefixes, contracts, subscriptions, all hosted here', async () => {
      const answer = await t.app.inject({ method: 'GET', url: '/admin/modules', headers: bearer(t.app, ['admin']) });
      expect(answer.statusCode).toBe(200);
      const body = answer.json() as { hosted: string[]; transport: string; modules: Entry[] };
      expect(body.transport).toBe('in-process');
      expect(body.modules.map((m) => m.name)).toEqual(expect.arrayContaining(['orders', 'catalog', 'payments']));
      expect(body.hosted.sort()).toEqual(body.modules.map((m) => m.name).sort());
      expect(body.modules.every((m) => m.host.kind === 'this-process')).toBe(true);
      const orders = body.modules.find((m) => m.name === 'orders')!;
      expect(orders.urlPrefixes).toEqual(['orders']);
      expect(orders.publishes).toEqual(expect.arrayContaining(['orders.OrderPlaced.v1', 'orders.OrderCancelled.v1']));
      expect(orders.subscribesTo).toEqual(
        expect.arrayContaining(['catalog.StockReserved.v1', 'payments.PaymentDeclined.v1']),
      );
      const catalog = body.modules.find((m) => m.name === 'catalog')!;
      expect(catalog.handlesCommands).toEqual(expect.arrayContaining(['catalog.ReserveStock']));
    });

    it('is for admins only', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/admin/modules' })).statusCode).toBe(401);
      const customer = await t.app.inject({ method: 'GET', url: '/admin/modules', headers: bearer(t.app) });
      expect(customer.statusCode).toBe(403);
      expect(customer.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('a process hosting one module behind a gateway', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        modules: ['catalog'],
        env: { GATEWAY_ROUTES: 'payments=http://127.0.0.1:9,cart=http://gateway:s3cret@127.0.0.1:9/cart-process' },
      });
    });
    afterAll(() => t.close());

    it('says which modules run here, which behind which upstream, and which it cannot reach', async () => {
      const answer = await t.app.inject({ method: 'GET', url: '/admin/modules', headers: bearer(t.app, ['admin']) });
      expect(answer.statusCode).toBe(200);
      const modules = (answer.json() as { modules: Entry[] }).modules;
      const host = (name: string) => modules.find((m) => m.name === name)!.host;
      expect(host('catalog')).toEqual({ kind: 'this-process' });
      expect(host('payments')).toEqual({ kind: 'gateway', upstream: 'http://127.0.0.1:9' });
      expect(host('orders')).toEqual({ kind: 'unreachable' });
      // Credentials in an upstream's URL stay in the configuration.
      expect(host('cart')).toEqual({ kind: 'gateway', upstream: 'http://127.0.0.1:9/cart-process' });
      expect(answer.body).not.toContain('s3cret');
      // Contracts and subscriptions come from the code, hosted here or not.
      expect(modules.find((m) => m.name === 'orders')!.subscribesTo).toContain('payments.PaymentDeclined.v1');
    });
  });
});
