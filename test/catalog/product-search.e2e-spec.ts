import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { createProduct, CreatedProduct } from './catalog-fixtures';

interface Page {
  items: { id: string; title: string; price: { amount: number }; inStock: boolean }[];
  nextCursor: string | null;
}

describe('catalog product search and pagination', () => {
  let t: TestApp;
  let shoes: string;

  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog'], env: { CATALOG_LIST_MAX_LIMIT: '50' } });
    const category = await t.app.inject({
      method: 'POST',
      url: '/catalog/categories',
      headers: bearer(t.app, ['admin']),
      payload: { name: 'Shoes' },
    });
    shoes = category.json().id;
  });
  afterAll(() => t.close());

  const list = async (query: string): Promise<Page> => {
    const res = await t.app.inject({ method: 'GET', url: `/catalog/products?${query}` });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json<Page>();
  };

  /** Follows nextCursor to the end, running `between` before each further page. */
  const all = async (query: string, between: () => Promise<void> = async () => undefined) => {
    const seen: Page['items'] = [];
    let page = await list(query);
    seen.push(...page.items);
    while (page.nextCursor) {
      await between();
      page = await list(`${query}&cursor=${page.nextCursor}`);
      seen.push(...page.items);
    }
    return seen;
  };

  it('finds products by words of title and description, best match first', async () => {
    await createProduct(t.app, {
      title: 'Walnut desk',
      description: 'A sturdy zephyrwood desk for zephyrwood lovers.',
    });
    await createProduct(t.app, { title: 'Zephyrwood chair', description: 'Made of zephyrwood.' });
    await createProduct(t.app, { title: 'Plain lamp', description: 'Nothing to see.' });
    const found = await list('q=zephyrwood');
    expect(found.items.map((p) => p.title)).toEqual(['Zephyrwood chair', 'Walnut desk']);
    expect((await list('q=sturdy')).items.map((p) => p.title)).toEqual(['Walnut desk']);
    expect((await list('q=zephyrwood%20chairs')).items.map((p) => p.title)).toEqual(['Zephyrwood chair']);
  });

  it('composes filters with sorting and pagination', async () => {
    const made: CreatedProduct[] = [];
    for (let i = 0; i < 12; i += 1) {
      made.push(
        await createProduct(t.app, {
          title: `Quokkashoe model ${i}`,
          price: 1000 + (i % 6) * 500,
          stock: i % 3 === 0 ? 0 : 5,
          categoryIds: i % 2 === 0 ? [shoes] : [],
        }),
      );
    }
    const expected = made
      .map((p, i) => ({ id: p.id, i, price: 1000 + (i % 6) * 500 }))
      .filter(({ i, price }) => i % 2 === 0 && i % 3 !== 0 && price >= 1500 && price <= 3000);
    const items = await all(`q=quokkashoe&category=shoes&inStock=true&minPrice=1500&maxPrice=3000&sort=price&limit=1`);
    expect(items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    const prices = items.map((p) => p.price.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const descending = await all(`q=quokkashoe&sort=-price&limit=5`);
    expect(descending).toHaveLength(12);
    const descendingPrices = descending.map((p) => p.price.amount);
    expect(descendingPrices).toEqual([...descendingPrices].sort((a, b) => b - a));
    const byId = await all(`category=${shoes}&limit=4`);
    expect(byId).toHaveLength(6);
    expect((await list('category=no-such-category')).items).toEqual([]);
    expect((await list('q=quokkashoe&inStock=false&limit=50')).items.every((p) => !p.inStock)).toBe(true);
  });

  it('never repeats or skips an item while products are added and removed between pages', async () => {
    const admin = bearer(t.app, ['admin']);
    const before: CreatedProduct[] = [];
    for (let i = 0; i < 9; i += 1)
      before.push(await createProduct(t.app, { title: `Capybaralamp ${i}`, price: 700 + i }));
    let added = 0;
    for (const sort of ['newest', 'price', '-price', 'relevance']) {
      const seen = await all(`q=capybaralamp&sort=${sort}&limit=2`, async () => {
        added += 1;
        await createProduct(t.app, { title: `Capybaralamp extra ${added}`, price: 700 + (added % 12) });
      });
      const ids = seen.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const product of before) expect(ids).toContain(product.id);
    }
    await t.app.inject({ method: 'DELETE', url: `/catalog/products/${before[4].id}`, headers: admin });
    const seen = await all('q=capybaralamp&sort=price&limit=3', async () => {
      const victim = before.length > 1 ? before.pop() : undefined;
      if (victim) await t.app.inject({ method: 'DELETE', url: `/catalog/products/${victim.id}`, headers: admin });
    });
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    expect(seen.map((p) => p.id)).toContain(before[0].id);
  });

  it.each([
    ['limit=1000000', 'limit'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=not%20a%20cursor', 'cursor'],
    [`cursor=${Buffer.from('{"s":"newest"}').toString('base64url')}`, 'cursor'],
    [
      `sort=price&cursor=${Buffer.from('{"s":"newest","id":"0190a000-0000-7000-8000-000000000001"}').toString('base64url')}`,
      'cursor',
    ],
    ['sort=cheapest', 'sort'],
    ['sort=relevance', 'sort'],
    ['minPrice=1.5', 'minPrice'],
    ['minPrice=500&maxPrice=100', 'minPrice'],
    ['inStock=yes', 'inStock'],
    ['surprise=1', 'surprise'],
  ])('answers %s with a 400 problem naming %s', async (query, field) => {
    const res = await t.app.inject({ method: 'GET', url: `/catalog/products?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lists draft or archived products for admins (status), never for anyone else', async () => {
    const admin = bearer(t.app, ['admin']);
    const draft = await createProduct(t.app, { title: 'Quillfern draft', status: 'draft' });
    const archived = await createProduct(t.app, { title: 'Quillfern archived' });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/catalog/products/${archived.id}`, headers: admin })).statusCode,
    ).toBe(204);
    await createProduct(t.app, { title: 'Quillfern active' });
    const as = async (status: string, headers: Record<string, string> = admin) =>
      t.app.inject({ method: 'GET', url: `/catalog/products?q=quillfern&status=${status}`, headers });

    expect((await list('q=quillfern')).items.map((p) => p.title)).toEqual(['Quillfern active']);
    expect((await as('active')).json().items.map((p: { title: string }) => p.title)).toEqual(['Quillfern active']);
    expect((await as('draft')).json().items.map((p: { id: string }) => p.id)).toEqual([draft.id]);
    expect((await as('archived')).json().items.map((p: { id: string }) => p.id)).toEqual([archived.id]);
    // The draft list pages like any other (newest first, no search).
    const drafts = await t.app.inject({ method: 'GET', url: '/catalog/products?status=draft&limit=1', headers: admin });
    expect(drafts.json()).toEqual({ items: [expect.objectContaining({ id: draft.id })], nextCursor: null });

    for (const headers of [{}, bearer(t.app)]) {
      const refused = await as('draft', headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 403, detail: 'Only admins list draft products.' });
    }
    expect((await as('deleted')).statusCode).toBe(400);
  });
});
