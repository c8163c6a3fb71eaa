import { resolve } from 'node:path';
import { FAST_HASHING } from '../accounts/accounts-test-kit';
import { parseCollection, runCollection } from '../support/http-collection';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'admin@journey.example', password: 'journey-admin-password' };

describe('the journey collection (docs/http/journey.http)', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { ...FAST_HASHING, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, OUTBOX_POLL_MS: '50' },
    });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('runs from sign-up to refund and the admin views against a real server, every step answering as written', async () => {
    const collection = parseCollection(resolve(__dirname, '../../docs/http/journey.http'));
    expect(collection.requests.length).toBeGreaterThanOrEqual(18);
    const steps = await runCollection(collection, {
      baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
    });
    const answer = (title: string) => steps.find((s) => s.title.startsWith(title))!.body as Record<string, unknown>;
    expect(answer('The order, once stock is reserved')).toMatchObject({
      status: 'confirmed',
      totals: {
        subtotal: { amount: 4998, currency: 'EUR' },
        shipping: { amount: 490, currency: 'EUR' },
        total: { amount: 5488, currency: 'EUR' },
      },
    });
    expect(answer('Admin: refund it in full')).toMatchObject({ status: expect.any(String) });
    expect((answer('Admin: the emails sent to the shopper').items as unknown[]).length).toBeGreaterThan(0);
  });
});
