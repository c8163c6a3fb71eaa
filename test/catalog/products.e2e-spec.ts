import { v7 as uuidv7 } from 'uuid';
import { GetVariantSnapshots, ProductPublished, ProductUpdated } from '../../src/modules/catalog';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { createProduct } from './catalog-fixtures';

describe('catalog products over HTTP', () => {
  let s: Scenario;
  let admin: { authorization: string };

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog'], env: { CATALOG_LIST_MAX_LIMIT: '50' } });
    admin = bearer(s.app, ['admin']);
  });
  afterAll(() => s.close());

  const get = (url: string, headers = {}) => s.app.inject({ method: 'GET', url, headers });

  it('creates a product with variants and stock, readable by id and slug, and publishes it', async () => {
    const category = (
      await s.app.inject({ method: 'POST', url: '/catalog/categories', headers: admin, payload: { name: 'Kitchen' } })
    ).json<{ id: string; slug: string }>();
    const res = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: {
        title: 'Enamel Kettle',
        description: 'Boils water on any stove.',
        images: ['https://img.example.com/kettle.jpg'],
        categoryIds: [category.id],
        variants: [
          { sku: 'KETTLE-RED', title: 'Red', price: { amount: 3999, currency: 'EUR' }, stock: 3 },
          { sku: 'KETTLE-BLUE', title: 'Blue', price: { amount: 3499, currency: 'EUR' }, stock: 0 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      slug: 'enamel-kettle',
      title: 'Enamel Kettle',
      status: 'active',
      images: ['https://img.example.com/kettle.jpg'],
      categories: [{ id: category.id, slug: 'kitchen', name: 'Kitchen' }],
      variants: [
        { sku: 'KETTLE-RED', title: 'Red', price: { amount: 3999, currency: 'EUR' }, available: 3 },
        { sku: 'KETTLE-BLUE', title: 'Blue', price: { amount: 3499, currency: 'EUR' }, available: 0 },
      ],
    });
    expect((await get(`/catalog/products/${product.id}`)).json()).toEqual(product);
    expect((await get('/catalog/products/enamel-kettle')).json()).toEqual(product);
    const published = await s.waitForEvent(ProductPublished, (e) => e.payload.productId === product.id);
    expect(published.payload.variants.map((v) => v.sku)).toEqual(['KETTLE-RED', 'KETTLE-BLUE']);
    const { items } = await s.bus.query(new GetVariantSnapshots([product.variants[0].id, uuidv7()]));
    expect(items).toEqual([
      {
        variantId: product.variants[0].id,
        productId: product.id,
        sku: 'KETTLE-RED',
        title: 'Enamel Kettle – Red',
        price: { amount: 3999, currency: 'EUR' },
        available: 3,
        purchasable: true,
        weightGrams: null,
        taxCategory: null,
        categoryIds: [category.id],
      },
    ]);
    const listed = (await get(`/catalog/categories`)).json();
    expect(listed).toEqual({ items: [{ id: category.id, slug: 'kitchen', name: 'Kitchen' }], nextCursor: null });
  });

  it.each([
    ['a price as a decimal string', { price: { amount: '19.99', currency: 'EUR' } }],
    ['a price as a float', { price: { amount: 19.99, currency: 'EUR' } }],
    ['a price as a bare number', { price: 1999 }],
    ['a lower-case currency', { price: { amount: 1999, currency: 'eur' } }],
    // Promotions, tax and shipping refuse these (ISO 4217 "no currency" XXX, gold XAU, made up ABC): a cart holding one could get no code, tax or quote.
    ['a currency code that is no money (XXX)', { price: { amount: 1999, currency: 'XXX' } }],
    ['a currency code that is no money (XAU)', { price: { amount: 1999, currency: 'XAU' } }],
    ['a made-up currency code', { price: { amount: 1999, currency: 'ABC' } }],
    ['a negative price', { price: { amount: -1, currency: 'EUR' } }],
    ['a price with extra fields', { price: { amount: 1, currency: 'EUR', tax: 1 } }],
    ['negative stock', { stock: -1 }],
    ['a negative weight', { weightGrams: -1 }],
    ['a fractional weight', { weightGrams: 180.5 }],
    ['a weight as a string', { weightGrams: '180' }],
    ['a weight beyond the integer range', { weightGrams: 2_147_483_648 }],
    ['a mass-assigned field', { reserved: 5 }],
  ])('refuses %s with a 400 problem and creates nothing', async (_label, override) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: {
        title: 'Rejected Thing',
        description: 'x',
        variants: [
          { sku: `BAD-${uuidv7()}`, title: 'x', price: { amount: 100, currency: 'EUR' }, stock: 1, ...override },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    // The refusal names the variant's field that is wrong, not some other one.
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toMatch(/^variants\.0\./);
    expect((await get('/catalog/products/rejected-thing', admin)).statusCode).toBe(404);
  });

  it('refuses mixed currencies, duplicate skus and unknown categories', async () => {
    const variant = (sku: string, currency = 'EUR') => ({
      sku,
      title: sku,
      price: { amount: 100, currency },
      stock: 1,
    });
    const post = (payload: object) =>
      s.app.inject({ method: 'POST', url: '/catalog/products', headers: admin, payload });
    const base = { title: 'Odd', description: '' };
    const refusal = async (payload: object) => {
      const res = await post(payload);
      return { status: res.statusCode, fields: res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field) };
    };
    expect(await refusal({ ...base, variants: [variant('A-1'), variant('A-2', 'USD')] })).toEqual({
      status: 400,
      fields: ['variants'],
    });
    expect(await refusal({ ...base, variants: [variant('A-1'), variant('A-1')] })).toEqual({
      status: 400,
      fields: ['variants'],
    });
    expect(await refusal({ ...base, categoryIds: [uuidv7()], variants: [variant('A-3')] })).toEqual({
      status: 400,
      fields: ['categoryIds'],
    });
    expect((await post({ ...base, variants: [variant('A-4')] })).statusCode).toBe(201);
    const taken = await post({ ...base, variants: [variant('A-4')] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toMatch(/(^|\/)sku-taken$/);
  });

  it('keeps writes for admins', async () => {
    const payload = { title: 'T', description: '', variants: [] };
    expect((await s.app.inject({ method: 'POST', url: '/catalog/products', payload })).statusCode).toBe(401);
    const customer = bearer(s.app, ['customer']);
    expect(
      (await s.app.inject({ method: 'POST', url: '/catalog/products', headers: customer, payload })).statusCode,
    ).toBe(403);
  });

  it('keeps every field an edit does not send (the page, the stored row and ProductUpdated)', async () => {
    const category = (
      await s.app.inject({ method: 'POST', url: '/catalog/categories', headers: admin, payload: { name: 'Lamps' } })
    ).json<{ id: string }>();
    const res = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: {
        title: 'Brass Lamp',
        slug: 'brass-lamp-kept',
        description: 'Every field of it is set.',
        images: ['https://img.example.com/lamp-1.jpg', 'https://img.example.com/lamp-2.jpg'],
        categoryIds: [category.id],
        status: 'draft',
        variants: [
          { sku: 'LAMP-S', title: 'Small', price: { amount: 4900, currency: 'EUR' }, stock: 2 },
          { sku: 'LAMP-L', title: 'Large', price: { amount: 6900, currency: 'EUR' }, stock: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; updatedAt: string }>();
    const edit = (payload: object) =>
      s.app.inject({ method: 'PATCH', url: `/catalog/products/${created.id}`, headers: admin, payload });
    const unchanged = { ...created, updatedAt: expect.any(String) };

    const nothing = await edit({});
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json()).toEqual(unchanged);

    const renamed = await edit({ title: 'Brass Lamp II' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ ...unchanged, title: 'Brass Lamp II' });
    expect((await get(`/catalog/products/${created.id}`, admin)).json()).toEqual(renamed.json());
    const updated = await s.waitForEvent(
      ProductUpdated,
      (e) => e.payload.productId === created.id && e.payload.title === 'Brass Lamp II',
    );
    expect(updated.payload).toMatchObject({
      slug: 'brass-lamp-kept',
      images: ['https://img.example.com/lamp-1.jpg', 'https://img.example.com/lamp-2.jpg'],
      status: 'draft',
    });

    const published = await edit({ status: 'active' });
    expect(published.json()).toEqual({ ...unchanged, title: 'Brass Lamp II', status: 'active' });
    const event = await s.waitForEvent(ProductPublished, (e) => e.payload.productId === created.id);
    expect(event.payload).toMatchObject({ slug: 'brass-lamp-kept', categoryIds: [category.id] });
  });

  it('stores variant weights in grams: on the page and in the snapshot, kept by edits that leave them out', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: {
        title: 'Cast Iron Pan',
        description: 'Heavy.',
        variants: [
          { sku: 'PAN-24', title: '24 cm', price: { amount: 4500, currency: 'EUR' }, stock: 2, weightGrams: 2300 },
          { sku: 'PAN-LID', title: 'Lid', price: { amount: 1500, currency: 'EUR' }, stock: 2 },
          {
            sku: 'PAN-EBOOK',
            title: 'Recipes (ebook)',
            price: { amount: 900, currency: 'EUR' },
            stock: 9,
            weightGrams: 0,
          },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const product = created.json<{ id: string; variants: { id: string; weightGrams: number | null }[] }>();
    expect(product.variants.map((v) => v.weightGrams)).toEqual([2300, null, 0]);
    const [pan, lid, ebook] = product.variants.map((v) => v.id);
    const snapshots = async () =>
      (await s.bus.query(new GetVariantSnapshots([pan, lid, ebook]))).items
        .map((i) => [i.sku, i.weightGrams])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(await snapshots()).toEqual([
      ['PAN-24', 2300],
      ['PAN-EBOOK', 0],
      ['PAN-LID', null],
    ]);

    const edit = (variants: object[]) =>
      s.app.inject({ method: 'PATCH', url: `/catalog/products/${product.id}`, headers: admin, payload: { variants } });
    const edited = await edit([
      { id: lid, weightGrams: 650 },
      { id: pan, title: '24 cm skillet' },
      { sku: 'PAN-28', title: '28 cm', price: { amount: 5500, currency: 'EUR' }, stock: 1, weightGrams: 3100 },
    ]);
    expect(edited.statusCode).toBe(200);
    expect(
      edited.json().variants.map((v: { sku: string; weightGrams: number | null }) => [v.sku, v.weightGrams]),
    ).toEqual([
      ['PAN-24', 2300],
      ['PAN-LID', 650],
      ['PAN-EBOOK', 0],
      ['PAN-28', 3100],
    ]);
    expect((await get(`/catalog/products/${product.id}`)).json()).toEqual(edited.json());
    expect((await edit([{ id: pan, weightGrams: -5 }])).statusCode).toBe(400);
    expect(await snapshots()).toEqual([
      ['PAN-24', 2300],
      ['PAN-EBOOK', 0],
      ['PAN-LID', 650],
    ]);
  });

  it('keeps a product tax category (admin-set, null = standard) and gives it and the category ids to the cart', async () => {
    const category = (
      await s.app.inject({ method: 'POST', url: '/catalog/categories', headers: admin, payload: { name: 'Books' } })
    ).json<{ id: string }>();
    const base = {
      title: 'A Book',
      description: 'Paper.',
      categoryIds: [category.id],
      variants: [{ sku: `BOOK-${uuidv7()}`, title: 'Paperback', price: { amount: 1200, currency: 'EUR' }, stock: 3 }],
    };
    const created = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: { ...base, taxCategory: 'reduced' },
    });
    expect(created.statusCode).toBe(201);
    const product = created.json<{ id: string; taxCategory: string | null; variants: { id: string }[] }>();
    expect(product.taxCategory).toBe('reduced');
    const snapshot = async () => (await s.bus.query(new GetVariantSnapshots([product.variants[0].id]))).items[0];
    expect(await snapshot()).toMatchObject({ taxCategory: 'reduced', categoryIds: [category.id] });

    const patch = (payload: object) =>
      s.app.inject({ method: 'PATCH', url: `/catalog/products/${product.id}`, headers: admin, payload });
    expect((await patch({ title: 'A Book, 2nd ed.' })).json().taxCategory).toBe('reduced');
    const reset = await patch({ taxCategory: null });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().taxCategory).toBeNull();
    expect(await snapshot()).toMatchObject({ taxCategory: null, categoryIds: [category.id] });
    const updated = await s.waitForEvent(
      ProductUpdated,
      (e) => e.payload.productId === product.id && e.payload.taxCategory === null,
    );
    expect(updated.payload.categoryIds).toEqual([category.id]);
    for (const taxCategory of ['Reduced', '', 'x'.repeat(33), 'a b', 7, ['reduced']]) {
      const res = await patch({ taxCategory });
      expect({ taxCategory, status: res.statusCode }).toEqual({ taxCategory, status: 400 });
    }
    const plain = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: { ...base, variants: [{ ...base.variants[0], sku: `BOOK-${uuidv7()}` }] },
    });
    expect(plain.json().taxCategory).toBeNull();
  });

  it('edits prices (ProductUpdated carries previousPrice) and archives (hidden from the public)', async () => {
    const product = await createProduct(s.app, { price: 1500 });
    const variantId = product.variants[0].id;
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/catalog/products/${product.id}`,
      headers: admin,
      payload: { title: 'Renamed', variants: [{ id: variantId, price: { amount: 1200, currency: 'EUR' } }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Renamed', variants: [{ price: { amount: 1200, currency: 'EUR' } }] });
    const updated = await s.waitForEvent(ProductUpdated, (e) => e.payload.productId === product.id);
    expect(updated.payload.variants[0]).toMatchObject({
      price: { amount: 1200, currency: 'EUR' },
      previousPrice: { amount: 1500, currency: 'EUR' },
    });
    const badPrice = await s.app.inject({
      method: 'PATCH',
      url: `/catalog/products/${product.id}`,
      headers: admin,
      payload: { variants: [{ id: variantId, price: { amount: '12.00', currency: 'EUR' } }] },
    });
    expect(badPrice.statusCode).toBe(400);
    for (const payload of [{ slug: 'Not A Slug' }, { title: '' }, { images: ['ftp://x'] }, { price: 1 }]) {
      const rejected = await s.app.inject({
        method: 'PATCH',
        url: `/catalog/products/${product.id}`,
        headers: admin,
        payload,
      });
      expect({ payload, status: rejected.statusCode }).toEqual({ payload, status: 400 });
    }

    const archived = await s.app.inject({ method: 'DELETE', url: `/catalog/products/${product.id}`, headers: admin });
    expect(archived.statusCode).toBe(204);
    await s.waitForEvent(ProductUpdated, (e) => e.payload.productId === product.id && e.payload.status === 'archived');
    expect((await get(`/catalog/products/${product.id}`)).statusCode).toBe(404);
    expect((await get(`/catalog/products/${product.id}`, admin)).json().status).toBe('archived');
  });
});
