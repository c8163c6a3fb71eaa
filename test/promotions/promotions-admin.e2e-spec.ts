import { v7 as uuidv7 } from 'uuid';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

/** Promotions admin: CRUD of codes and automatic promotions, every bad definition a 400 naming its field. */
describe('promotions: admin', () => {
  let t: TestApp;
  let admin: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ modules: ['promotions'] });
    admin = bearer(t.app, ['admin']);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fields = (response: { json(): { errors?: { field: string }[] } }) =>
    (response.json().errors ?? []).map((e) => e.field);

  it('creates a code with every condition and limit, reads, edits, disables, lists and deletes it', async () => {
    const productId = uuidv7();
    const categoryId = uuidv7();
    const created = await call('POST', '/promotions', {
      code: ' welcome10 ',
      benefit: { type: 'percentage', ratePpm: 100_000 },
      conditions: {
        minimumSubtotal: { EUR: 5000, JPY: 5000 },
        scope: { productIds: [productId], categoryIds: [categoryId] },
        firstOrderOnly: true,
      },
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2030-01-01T00:00:00Z',
      limits: { totalRedemptions: 100, perCustomer: 1 },
      combinable: true,
    });
    expect(created.statusCode).toBe(201);
    const promotion = created.json();
    expect(promotion).toEqual({
      id: expect.any(String),
      code: 'WELCOME10',
      benefit: { type: 'percentage', ratePpm: 100_000 },
      conditions: {
        minimumSubtotal: { EUR: 5000, JPY: 5000 },
        scope: { productIds: [productId], categoryIds: [categoryId] },
        firstOrderOnly: true,
      },
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2030-01-01T00:00:00.000Z',
      limits: { totalRedemptions: 100, perCustomer: 1 },
      redeemed: 0,
      disabled: false,
      combinable: true,
    });
    expect((await call('GET', `/promotions/${promotion.id}`)).json()).toEqual(promotion);

    const edited = await call('PATCH', `/promotions/${promotion.id}`, {
      benefit: { type: 'fixed-amount', amounts: { EUR: 500, KWD: 1500 } },
      conditions: { firstOrderOnly: false },
      limits: { perCustomer: null },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({
      ...promotion,
      benefit: { type: 'fixed-amount', amounts: { EUR: 500, KWD: 1500 } },
      conditions: { ...promotion.conditions, firstOrderOnly: false },
      limits: { totalRedemptions: 100, perCustomer: null },
    });
    const disabled = await call('PATCH', `/promotions/${promotion.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);

    const found = await call('GET', '/promotions?code=welcome10');
    expect(found.json().items.map((p: { id: string }) => p.id)).toEqual([promotion.id]);
    expect((await call('DELETE', `/promotions/${promotion.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/promotions/${promotion.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/promotions/${promotion.id}`)).statusCode).toBe(404);
  });

  it('creates automatic and free-shipping promotions with the defaults, and pages them', async () => {
    const free = await call('POST', '/promotions', { benefit: { type: 'free-shipping' } });
    expect(free.statusCode).toBe(201);
    expect(free.json()).toMatchObject({
      code: null,
      benefit: { type: 'free-shipping' },
      conditions: { minimumSubtotal: null, scope: null, firstOrderOnly: false },
      startsAt: null,
      endsAt: null,
      limits: { totalRedemptions: null, perCustomer: null },
      disabled: false,
      combinable: false,
    });
    await call('POST', '/promotions', { benefit: { type: 'percentage', ratePpm: 1 } });
    const first = (await call('GET', '/promotions?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await call('GET', `/promotions?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id > first.items[0].id).toBe(true);
  });

  it('refuses a bad definition with a 400 naming each field', async () => {
    const response = await call('POST', '/promotions', {
      code: 'no spaces!',
      benefit: { type: 'percentage', ratePpm: 1_000_001 },
      conditions: { minimumSubtotal: { EUR: -1, EURO: 5 }, scope: { productIds: [], categoryIds: [] } },
      startsAt: '2027-01-01T00:00:00Z',
      endsAt: '2026-01-01T00:00:00Z',
      limits: { totalRedemptions: 0, perCustomer: -2 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(response).sort()).toEqual(
      [
        'code',
        'benefit.ratePpm',
        'conditions.minimumSubtotal.EUR',
        'conditions.minimumSubtotal.EURO',
        'conditions.scope',
        'endsAt',
        'limits.totalRedemptions',
        'limits.perCustomer',
      ].sort(),
    );
    const fixed = await call('POST', '/promotions', { benefit: { type: 'fixed-amount', amounts: { EUR: 9.99 } } });
    expect(fields(fixed)).toEqual(['benefit.amounts.EUR']);
    expect(fields(await call('POST', '/promotions', { benefit: { type: 'fixed-amount' } }))).toContain(
      'benefit.amounts',
    );
    expect(fields(await call('POST', '/promotions', { benefit: { type: 'percentage' } }))).toContain('benefit.ratePpm');
    expect((await call('POST', '/promotions', { benefit: { type: 'bogus' } })).statusCode).toBe(400);
    // A field of another benefit type is not silently dropped: the admin meant something else.
    const mixed = await call('POST', '/promotions', {
      benefit: { type: 'fixed-amount', amounts: { EUR: 500 }, ratePpm: 100_000 },
    });
    expect(fields(mixed)).toEqual(['benefit.ratePpm']);
    const freeWithRate = await call('POST', '/promotions', { benefit: { type: 'free-shipping', ratePpm: 5 } });
    expect(fields(freeWithRate)).toEqual(['benefit.ratePpm']);
    const percentWithAmounts = await call('POST', '/promotions', {
      benefit: { type: 'percentage', ratePpm: 100_000, amounts: { EUR: 500 } },
    });
    expect(fields(percentWithAmounts)).toEqual(['benefit.amounts']);
    expect((await call('POST', '/promotions', {})).statusCode).toBe(400);
    expect((await call('POST', '/promotions', { benefit: { type: 'free-shipping' }, redeemed: 5 })).statusCode).toBe(
      400,
    );
    expect(
      (await call('POST', '/promotions', { benefit: { type: 'free-shipping' }, startsAt: 'soon' })).statusCode,
    ).toBe(400);
    const id = (await call('POST', '/promotions', { benefit: { type: 'free-shipping' } })).json().id;
    const badEdit = await call('PATCH', `/promotions/${id}`, {
      endsAt: '2000-01-01T00:00:00Z',
      startsAt: '2001-01-01T00:00:00Z',
    });
    expect(fields(badEdit)).toEqual(['endsAt']);
    expect((await call('GET', '/promotions/not-a-uuid')).statusCode).toBe(400);
    const huge = await call('POST', '/promotions', {
      benefit: { type: 'free-shipping' },
      limits: { totalRedemptions: 3_000_000_000 },
    });
    expect(fields(huge)).toEqual(['limits.totalRedemptions']);
    expect((await call('GET', '/promotions?code=no%20such%20code!')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('refuses to turn a code into an automatic promotion or back with a PATCH (400 naming code)', async () => {
    // `{code: null}` (a client sending every field, null for "unchanged") would give a private code's discount to every cart.
    const code = (
      await call('POST', '/promotions', { code: 'PRIVATE10', benefit: { type: 'percentage', ratePpm: 100_000 } })
    ).json();
    const toAutomatic = await call('PATCH', `/promotions/${code.id}`, { code: null });
    expect(toAutomatic.statusCode).toBe(400);
    expect(fields(toAutomatic)).toEqual(['code']);
    expect((await call('GET', `/promotions/${code.id}`)).json().code).toBe('PRIVATE10');
    const automatic = (await call('POST', '/promotions', { benefit: { type: 'percentage', ratePpm: 10_000 } })).json();
    const toCode = await call('PATCH', `/promotions/${automatic.id}`, { code: 'NOWACODE' });
    expect(fields(toCode)).toEqual(['code']);
    expect((await call('GET', `/promotions/${automatic.id}`)).json().code).toBeNull();
    // Another code, and null on an automatic one, stay allowed.
    expect((await call('PATCH', `/promotions/${code.id}`, { code: 'private11' })).json().code).toBe('PRIVATE11');
    expect((await call('PATCH', `/promotions/${automatic.id}`, { code: null })).statusCode).toBe(200);
  });

  it('answers 409 for a code another promotion has (case-insensitive)', async () => {
    expect((await call('POST', '/promotions', { code: 'TAKEN', benefit: { type: 'free-shipping' } })).statusCode).toBe(
      201,
    );
    const taken = await call('POST', '/promotions', { code: 'taken', benefit: { type: 'free-shipping' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toMatch(/promotion-code-taken$/);
    const other = (await call('POST', '/promotions', { code: 'OTHER', benefit: { type: 'free-shipping' } })).json();
    expect((await call('PATCH', `/promotions/${other.id}`, { code: 'Taken' })).statusCode).toBe(409);
  });

  it('keeps promotions to admins', async () => {
    const customer = bearer(t.app, ['customer']);
    expect((await call('GET', '/promotions', undefined, customer)).statusCode).toBe(403);
    expect((await call('POST', '/promotions', { benefit: { type: 'free-shipping' } }, customer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/promotions' })).statusCode).toBe(401);
  });
});
