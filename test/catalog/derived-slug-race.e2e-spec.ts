import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A slug derived from the title gets a suffix when taken. Two admins (or one import script) creating
 * products with the same title at once both saw the slug free, and the second insert was refused
 * with 409 `slug-taken` for a slug nobody asked for: only a requested slug may be refused.
 */
describe('products created at once with the same title', () => {
  let t: TestApp;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog'] });
    app = t.app;
  });
  afterAll(() => t.close());

  const create = (i: number, extra: object = {}) =>
    app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: bearer(app, ['admin']),
      payload: {
        title: 'Twin Lantern',
        description: 'Made twice at once.',
        variants: [{ sku: `TWIN-${i}`, title: 'One size', price: { amount: 1000, currency: 'EUR' }, stock: 1 }],
        ...extra,
      },
    });

  it('all get a slug of their own (201), none a 409', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => create(i)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 8 }, () => 201));
    const slugs = answers.map((a) => a.json<{ slug: string }>().slug);
    expect(new Set(slugs).size).toBe(8);
  });

  it('still refuses a requested slug that is taken', async () => {
    const answer = await create(100, { slug: 'twin-lantern' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json<{ type: string }>().type).toContain('slug-taken');
  });
});
