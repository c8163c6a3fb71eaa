import { ComputeTax } from '../../src/modules/tax';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Tax: country rules admin CRUD with validation, and ComputeTax in both price modes. */
describe('tax: rules and ComputeTax', () => {
  let s: Scenario;
  let admin: { authorization: string };

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['tax'], env: { TAX_DEFAULT_COUNTRY: 'DE' } });
    admin = bearer(s.app, ['admin']);
    const germany = { country: 'DE', rates: { standard: 190_000, reduced: 70_000 }, shippingCategory: 'standard' };
    expect((await call('POST', '/tax/countries', germany)).statusCode).toBe(201);
  });
  afterAll(() => s.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    s.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fields = (response: { json(): { errors?: { field: string }[] } }) =>
    (response.json().errors ?? []).map((e) => e.field);

  it('creates, reads, edits, lists and deletes a country', async () => {
    const created = await call('POST', '/tax/countries', {
      country: 'FR',
      rates: { standard: 200_000 },
      shippingCategory: null,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ country: 'FR', rates: { standard: 200_000 }, shippingCategory: null });
    const edited = await call('PATCH', '/tax/countries/fr', {
      rates: { standard: 200_000, reduced: 55_000 },
      shippingCategory: 'standard',
    });
    expect(edited.json()).toEqual({
      country: 'FR',
      rates: { standard: 200_000, reduced: 55_000 },
      shippingCategory: 'standard',
    });
    expect((await call('GET', '/tax/countries/FR')).json()).toEqual(edited.json());
    const page = (await call('GET', '/tax/countries?limit=1')).json();
    expect(page.items.map((c: { country: string }) => c.country)).toEqual(['DE']);
    expect((await call('GET', `/tax/countries?cursor=${page.nextCursor}`)).json().items[0].country).toBe('FR');
    expect((await call('DELETE', '/tax/countries/FR')).statusCode).toBe(204);
    expect((await call('GET', '/tax/countries/FR')).statusCode).toBe(404);
    expect((await call('DELETE', '/tax/countries/FR')).statusCode).toBe(404);
    expect((await call('GET', '/tax/settings')).json()).toEqual({ priceMode: 'tax-exclusive', defaultCountry: 'DE' });
  });

  it('refuses bad rules with a 400 naming each field, and a second set for a country with a 409', async () => {
    const bad = await call('POST', '/tax/countries', {
      country: 'XX',
      rates: { reduced: 1_000_001, 'Bad Name': 5 },
      shippingCategory: 'express',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(
      ['country', 'rates.reduced', 'rates.Bad Name', 'rates.standard', 'shippingCategory'].sort(),
    );
    expect(
      fields(await call('POST', '/tax/countries', { country: 'AT', rates: { standard: 0.2 }, shippingCategory: null })),
    ).toEqual(['rates.standard']);
    expect(
      (await call('POST', '/tax/countries', { country: 'AT', rates: 'lots', shippingCategory: null })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/tax/countries', { country: 'AT', rates: { standard: 1 } })).statusCode).toBe(400);
    const again = await call('POST', '/tax/countries', {
      country: 'DE',
      rates: { standard: 1 },
      shippingCategory: null,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toMatch(/tax-country-exists$/);
    expect(fields(await call('PATCH', '/tax/countries/DE', { shippingCategory: 'express' }))).toEqual([
      'shippingCategory',
    ]);
    expect((await call('PATCH', '/tax/countries/NL', { shippingCategory: null })).statusCode).toBe(404);
    expect((await call('GET', '/tax/countries/DEU')).statusCode).toBe(404);
  });

  it('keeps the rules to admins', async () => {
    const customer = bearer(s.app, ['customer']);
    expect((await call('GET', '/tax/countries', undefined, customer)).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'POST', url: '/tax/countries', payload: {} })).statusCode).toBe(401);
  });

  it('computes per-line and shipping tax, half-up per line, for the country or the default one', async () => {
    const lines = [
      { lineId: 'shoes', taxCategory: null, amount: eur(4491) },
      { lineId: 'book', taxCategory: 'reduced', amount: eur(2241) },
      { lineId: 'gadget', taxCategory: 'luxury', amount: eur(1000) },
    ];
    const computed = await s.bus.query(new ComputeTax('DE', 'EUR', lines, eur(490)));
    expect(computed).toEqual({
      priceMode: 'tax-exclusive',
      taxIncluded: false,
      country: 'DE',
      countryHasRules: true,
      lines: [
        { lineId: 'shoes', ratePpm: 190_000, tax: eur(853) },
        { lineId: 'book', ratePpm: 70_000, tax: eur(157) },
        { lineId: 'gadget', ratePpm: 190_000, tax: eur(190) },
      ],
      shipping: { ratePpm: 190_000, tax: eur(93) },
      taxTotal: eur(853 + 157 + 190 + 93),
    });
    expect((await s.bus.query(new ComputeTax(null, 'EUR', lines, null))).country).toBe('DE');
    const nowhere = await s.bus.query(new ComputeTax('US', 'EUR', lines, eur(490)));
    expect(nowhere).toMatchObject({ country: 'US', countryHasRules: false, taxTotal: eur(0) });
  });

  it('answers a 400 problem for a malformed input, never a 500', async () => {
    const bad = (query: ComputeTax) =>
      s.bus.query(query).then(
        () => 'answered',
        (e: { problem?: { status: number } }) => e.problem?.status,
      );
    expect(await bad(new ComputeTax('de', 'EUR', [], null))).toBe(400);
    expect(await bad(new ComputeTax('DE', 'EURO', [], null))).toBe(400);
    expect(await bad(new ComputeTax('DE', 'EUR', [{ lineId: 'x', taxCategory: null, amount: eur(-1) }], null))).toBe(
      400,
    );
    expect(
      await bad(
        new ComputeTax('DE', 'EUR', [{ lineId: 'x', taxCategory: null, amount: { amount: 1, currency: 'JPY' } }], null),
      ),
    ).toBe(400);
  });
});

describe('tax: a tax-inclusive store', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['tax'], env: { TAX_PRICE_MODE: 'tax-inclusive' } });
    const payload = { country: 'GB', rates: { standard: 200_000, zero: 0 }, shippingCategory: 'standard' };
    await s.app.inject({ method: 'POST', url: '/tax/countries', headers: bearer(s.app, ['admin']), payload });
  });
  afterAll(() => s.close());

  it('takes the tax out of gross amounts, half-up per line (£0.09 at 20 % → 2p), and nothing without a country', async () => {
    const gbp = (amount: number) => ({ amount, currency: 'GBP' });
    const lines = [
      { lineId: 'sweet', taxCategory: null, amount: gbp(9) },
      { lineId: 'bread', taxCategory: 'zero', amount: gbp(250) },
    ];
    const computed = await s.bus.query(new ComputeTax('GB', 'GBP', lines, gbp(0)));
    expect(computed).toMatchObject({
      taxIncluded: true,
      lines: [
        { lineId: 'sweet', ratePpm: 200_000, tax: gbp(2) },
        { lineId: 'bread', ratePpm: 0, tax: gbp(0) },
      ],
      shipping: { ratePpm: 200_000, tax: gbp(0) },
      taxTotal: gbp(2),
    });
    expect(await s.bus.query(new ComputeTax(null, 'GBP', lines, null))).toMatchObject({
      country: null,
      taxTotal: gbp(0),
    });
  });
});
