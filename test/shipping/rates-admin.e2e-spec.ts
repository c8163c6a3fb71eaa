import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

/** Zones and methods: admin CRUD, every bad definition a 4xx problem naming its field, never a 5xx. */
describe('shipping: zones and methods (admin)', () => {
  let t: TestApp;
  let admin: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ modules: ['shipping'] });
    admin = bearer(t.app, ['admin']);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const fields = (response: { json(): { errors?: { field: string }[] } }) =>
    (response.json().errors ?? []).map((e) => e.field);

  it('creates, reads, edits, lists and deletes a zone', async () => {
    const created = await call('POST', '/shipping/zones', { name: ' Benelux ', countries: ['BE', 'NL', 'LU'] });
    expect(created.statusCode).toBe(201);
    const zone = created.json();
    expect(zone).toEqual({ id: expect.any(String), name: 'Benelux', countries: ['BE', 'NL', 'LU'] });
    expect((await call('GET', `/shipping/zones/${zone.id}`)).json()).toEqual(zone);
    const edited = await call('PATCH', `/shipping/zones/${zone.id}`, { countries: ['BE', 'NL'] });
    expect(edited.json()).toEqual({ ...zone, countries: ['BE', 'NL'] });
    const list = await call('GET', '/shipping/zones?limit=100');
    expect(list.json().items).toContainEqual({ ...zone, countries: ['BE', 'NL'] });
    expect((await call('DELETE', `/shipping/zones/${zone.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/shipping/zones/${zone.id}`)).statusCode).toBe(404);
  });

  it('refuses bad zones with a 400 naming each field', async () => {
    const response = await call('POST', '/shipping/zones', { name: 'Bad', countries: ['DE', 'UK', 'de', 'DE', 'ZZ'] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(response)).toEqual(['countries[1]', 'countries[2]', 'countries[3]', 'countries[4]']);
    expect(response.json().errors[0].message).toMatch(/GB/);
    expect((await call('POST', '/shipping/zones', { name: 'Empty', countries: [] })).statusCode).toBe(400);
    expect((await call('POST', '/shipping/zones', { name: 'X', countries: ['DE'], id: 'mine' })).statusCode).toBe(400);
  });

  it('keeps zones and methods to admins', async () => {
    const customer = bearer(t.app, ['customer']);
    expect((await call('GET', '/shipping/zones', undefined, customer)).statusCode).toBe(403);
    expect((await call('POST', '/shipping/methods', {}, customer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/shipping/methods' })).statusCode).toBe(401);
  });

  it('creates methods of every rule kind, pages them by zone, edits and deletes them', async () => {
    const zone = (await call('POST', '/shipping/zones', { name: 'DACH', countries: ['DE', 'AT', 'CH'] })).json();
    const flat = await call('POST', '/shipping/methods', {
      zoneId: zone.id,
      name: 'Standard',
      priceRules: [
        { kind: 'flat', price: eur(490) },
        { kind: 'free_above', price: { amount: 800, currency: 'JPY' }, threshold: { amount: 8000, currency: 'JPY' } },
      ],
      estimate: { minDays: 2, maxDays: 4 },
    });
    expect(flat.statusCode).toBe(201);
    expect(flat.json()).toMatchObject({ zoneId: zone.id, enabled: true, estimate: { minDays: 2, maxDays: 4 } });
    const bands = await call('POST', '/shipping/methods', {
      zoneId: zone.id,
      name: 'Freight',
      enabled: false,
      priceRules: [
        {
          kind: 'weight_bands',
          bands: [
            { upToGrams: 1000, price: eur(490) },
            { upToGrams: null, price: eur(1990) },
          ],
        },
      ],
      estimate: { minDays: 5, maxDays: 10 },
    });
    expect(bands.statusCode).toBe(201);
    const page1 = await call('GET', `/shipping/methods?zoneId=${zone.id}&limit=1`);
    expect(page1.json().items).toHaveLength(1);
    const page2 = await call('GET', `/shipping/methods?zoneId=${zone.id}&limit=1&cursor=${page1.json().nextCursor}`);
    expect([page1.json().items[0].id, page2.json().items[0].id]).toEqual([flat.json().id, bands.json().id]);
    expect(page2.json().nextCursor).toBeNull();

    const edited = await call('PATCH', `/shipping/methods/${bands.json().id}`, { enabled: true, name: 'Cargo' });
    expect(edited.json()).toMatchObject({ name: 'Cargo', enabled: true, priceRules: bands.json().priceRules });
    expect((await call('DELETE', `/shipping/zones/${zone.id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/shipping/methods/${bands.json().id}`)).statusCode).toBe(204);
    expect((await call('GET', `/shipping/methods/${bands.json().id}`)).statusCode).toBe(404);
  });

  it('refuses bad methods with a 400 naming the field, never a 500', async () => {
    const zone = (await call('POST', '/shipping/zones', { name: 'FR', countries: ['FR'] })).json();
    const base = { zoneId: zone.id, name: 'M', estimate: { minDays: 1, maxDays: 2 } };
    const cases: [unknown, string[]][] = [
      [{ ...base, priceRules: [] }, ['priceRules']],
      [
        {
          ...base,
          priceRules: [
            { kind: 'flat', price: eur(1) },
            { kind: 'flat', price: eur(2) },
          ],
        },
        ['priceRules[1]'],
      ],
      [
        { ...base, priceRules: [{ kind: 'flat', price: { amount: 1, currency: 'XXX' } }] },
        ['priceRules[0].price.currency'],
      ],
      [
        { ...base, priceRules: [{ kind: 'free_above', price: eur(590), threshold: { amount: 0, currency: 'EUR' } }] },
        ['priceRules[0].threshold.amount'],
      ],
      [
        {
          ...base,
          priceRules: [
            {
              kind: 'weight_bands',
              bands: [
                { upToGrams: 5000, price: eur(990) },
                { upToGrams: 1000, price: eur(490) },
              ],
            },
          ],
        },
        ['priceRules[0].bands[1].upToGrams'],
      ],
      [
        {
          ...base,
          priceRules: [
            {
              kind: 'weight_bands',
              bands: [
                { upToGrams: null, price: eur(990) },
                { upToGrams: 1000, price: eur(490) },
              ],
            },
          ],
        },
        ['priceRules[0].bands[0].upToGrams'],
      ],
      [{ ...base, priceRules: [{ kind: 'flat', price: eur(1) }], estimate: { minDays: 5, maxDays: 2 } }, ['estimate']],
    ];
    for (const [body, expected] of cases) {
      const response = await call('POST', '/shipping/methods', body);
      expect({ body, status: response.statusCode, fields: fields(response) }).toEqual({
        body,
        status: 400,
        fields: expected,
      });
    }
    const hostile = [
      { ...base, priceRules: [{ kind: 'flat', price: { amount: 19.99, currency: 'EUR' } }] },
      { ...base, priceRules: [{ kind: 'flat', price: { amount: '1999', currency: 'EUR' } }] },
      { ...base, priceRules: [{ kind: 'weight_bands' }] },
      { ...base, priceRules: [{ kind: 'free_above', price: eur(1) }] },
      { ...base, priceRules: [{ kind: 'parcel', price: eur(1) }] },
      { ...base, priceRules: [null] },
      { ...base, priceRules: [{ kind: 'flat', price: eur(1) }], estimate: null },
      { ...base, zoneId: 'not-a-uuid', priceRules: [{ kind: 'flat', price: eur(1) }] },
    ];
    for (const body of hostile) {
      expect({ body, status: (await call('POST', '/shipping/methods', body)).statusCode }).toEqual({
        body,
        status: 400,
      });
    }
    expect((await call('PATCH', '/shipping/methods/not-a-uuid', { name: 'x' })).statusCode).toBe(400);
    const unknownZone = {
      ...base,
      zoneId: '0190a000-0000-7000-8000-00000000dead',
      priceRules: [{ kind: 'flat', price: eur(1) }],
    };
    expect((await call('POST', '/shipping/methods', unknownZone)).statusCode).toBe(404);
    expect((await call('GET', '/shipping/zones?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});
