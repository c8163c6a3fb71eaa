import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';
import { GetCartForCheckout } from '../../src/modules/cart';
import { RedeemPromotion } from '../../src/modules/promotions';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { createProduct, CreatedProduct } from './support';

// Test code reads loosely typed JSON answers; the assertions are the types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
type Headers = Record<string, string>;

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** ADR 0107's invariant, on the whole and on its parts. */
function expectBreakdownAddsUp(cart: Json): void {
  const t = cart.totals;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  expect(t.total.amount).toBe(
    t.subtotal.amount - t.discountTotal.amount + t.shippingTotal.amount + (t.taxIncluded ? 0 : t.taxTotal.amount),
  );
  const shipping = cart.shippingMethod;
  const parts = [...cart.items, ...(shipping ? [shipping] : [])];
  expect(sum(cart.items.map((i: Json) => i.lineTotal.amount))).toBe(t.subtotal.amount);
  expect(sum(parts.map((p: Json) => p.discount.amount))).toBe(t.discountTotal.amount);
  expect(sum(parts.map((p: Json) => p.tax.amount))).toBe(t.taxTotal.amount);
  expect(sum(parts.map((p: Json) => p.total.amount))).toBe(t.total.amount);
  for (const p of parts) {
    expect(p.discount.amount).toBeGreaterThanOrEqual(0);
    expect(p.total.amount).toBeGreaterThanOrEqual(0);
    expect(sum(p.byPromotion.map((s: Json) => s.amount.amount))).toBe(p.discount.amount);
  }
  expect(sum(cart.promotions.map((p: Json) => p.amount.amount))).toBe(t.discountTotal.amount);
}

/** Promotion codes in the cart (issue 19): apply, refuse with a typed 409, remove; the breakdown with tax. */
describe('cart: promotion codes and the totals breakdown (tax-exclusive store)', () => {
  let s: Scenario;
  let app: NestFastifyApplication;
  let admin: Headers;
  let tee: CreatedProduct; // 1999 EUR; second variant 2500 EUR
  let methodId: string;
  let zoneId: string;

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Headers = {},
    payload?: unknown,
  ) => app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const createPromotion = async (definition: Json): Promise<Json> => {
    const res = await call('POST', '/promotions', admin, definition);
    if (res.statusCode !== 201) throw new Error(`promotions refused: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** A customer's cart with 2 × 1999 and 1 × 2500 (subtotal 6498). */
  const cartOf = async (auth: Headers): Promise<string> => {
    const cart = (await call('POST', '/carts', auth)).json<Json>();
    await call('POST', `/carts/${cart.id}/items`, auth, { variantId: tee.variants[0].id, quantity: 2 });
    await call('POST', `/carts/${cart.id}/items`, auth, { variantId: tee.variants[1].id, quantity: 1 });
    return cart.id;
  };
  const apply = (cartId: string, code: unknown, auth: Headers = {}) =>
    call('POST', `/carts/${cartId}/promotions`, auth, { code });

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog', 'cart', 'promotions', 'tax', 'shipping'],
      env: { TAX_DEFAULT_COUNTRY: 'DE' },
    });
    app = s.app;
    admin = bearer(app, ['admin']);
    tee = await createProduct(app, [
      { price: 1999, stock: 50 },
      { price: 2500, stock: 50 },
    ]);
    const rules = await call('POST', '/tax/countries', admin, {
      country: 'DE',
      rates: { standard: 190_000, reduced: 70_000 },
      shippingCategory: 'standard',
    });
    expect(rules.statusCode).toBe(201);
    const zone = await call('POST', '/shipping/zones', admin, { name: 'Germany', countries: ['DE'] });
    zoneId = zone.json().id;
    const method = await call('POST', '/shipping/methods', admin, {
      zoneId: zone.json().id,
      name: 'Standard',
      priceRules: [{ kind: 'flat', price: eur(490) }],
      estimate: { minDays: 2, maxDays: 4 },
    });
    expect(method.statusCode).toBe(201);
    methodId = method.json().id;
    await createPromotion({ code: 'PCT10', benefit: { type: 'percentage', ratePpm: 100_000 }, combinable: true });
    await createPromotion({ code: 'FREESHIP', benefit: { type: 'free-shipping' }, combinable: true });
    await createPromotion({ code: 'FIVEOFF', benefit: { type: 'fixed-amount', amounts: { EUR: 500 } } });
  });
  afterAll(() => s.close());

  it('prices a cart with tax for the default country before any code', async () => {
    const guestCart = await cartOf({});
    const cart = (await call('GET', `/carts/${guestCart}`)).json<Json>();
    // 3998 × 19 % = 759.62 → 760; 2500 × 19 % = 475.
    expect(cart.items.map((i: Json) => [i.discount.amount, i.tax.amount, i.taxRatePpm, i.total.amount])).toEqual([
      [0, 760, 190_000, 4758],
      [0, 475, 190_000, 2975],
    ]);
    expect(cart.totals).toEqual({
      taxIncluded: false,
      subtotal: eur(6498),
      discountTotal: eur(0),
      shippingTotal: eur(0),
      taxTotal: eur(1235),
      total: eur(7733),
      itemCount: 3,
      taxCountry: 'DE',
    });
    expect(cart).toMatchObject({ promotionCodes: [], promotions: [], refusedPromotions: [], pricingIncomplete: false });
    expectBreakdownAddsUp(cart);
  });

  it('applies a percentage code (case-insensitive), then free shipping; tax on the discounted amounts', async () => {
    const auth = bearer(app);
    const cartId = await cartOf(auth);
    const applied = await apply(cartId, ' pct10 ', auth);
    expect(applied.statusCode).toBe(201);
    const cart = applied.json<Json>();
    // 10 % per line, half-up: 399.8 → 400 and 250; tax 3598 × 19 % = 683.62 → 684, 2250 × 19 % = 427.5 → 428.
    expect(cart.items.map((i: Json) => [i.discount.amount, i.tax.amount, i.total.amount])).toEqual([
      [400, 684, 4282],
      [250, 428, 2678],
    ]);
    expect(cart.totals).toMatchObject({
      subtotal: eur(6498),
      discountTotal: eur(650),
      taxTotal: eur(1112),
      total: eur(6960),
    });
    expect(cart.promotionCodes).toEqual(['PCT10']);
    expect(cart.promotions).toEqual([
      { promotionId: expect.any(String), code: 'PCT10', benefit: 'percentage', amount: eur(650) },
    ]);
    expect(cart.items[0].byPromotion).toEqual([
      { promotionId: cart.promotions[0].promotionId, code: 'PCT10', amount: eur(400) },
    ]);
    expectBreakdownAddsUp(cart);

    // Applying it again changes nothing.
    const again = await apply(cartId, 'PCT10', auth);
    expect(again.statusCode).toBe(200);
    expect(again.json().promotionCodes).toEqual(['PCT10']);

    // Shipping: 490 taxed at 19 % (93.1 → 93); free shipping takes it all, and its tax with it.
    const shipped = await call('PUT', `/carts/${cartId}/shipping-method`, auth, { methodId, country: 'DE' });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json().shippingMethod).toMatchObject({ price: eur(490), discount: eur(0), tax: eur(93) });
    expect(shipped.json().totals.total).toEqual(eur(6960 + 490 + 93));
    expectBreakdownAddsUp(shipped.json());
    const free = await apply(cartId, 'freeship', auth);
    expect(free.statusCode).toBe(201);
    const withFree = free.json<Json>();
    expect(withFree.shippingMethod).toMatchObject({ price: eur(490), discount: eur(490), tax: eur(0), total: eur(0) });
    expect(withFree.totals).toMatchObject({
      shippingTotal: eur(490),
      discountTotal: eur(650 + 490),
      taxTotal: eur(1112),
      total: eur(6960),
    });
    expect(withFree.promotionCodes).toEqual(['PCT10', 'FREESHIP']);
    expectBreakdownAddsUp(withFree);

    // Removing a code: 204, and the cart is priced without it; removing it twice is a 404.
    expect((await call('DELETE', `/carts/${cartId}/promotions/pct10`, auth)).statusCode).toBe(204);
    const after = (await call('GET', `/carts/${cartId}`, auth)).json<Json>();
    expect(after.promotionCodes).toEqual(['FREESHIP']);
    expect(after.totals).toMatchObject({ discountTotal: eur(490), taxTotal: eur(1235), total: eur(7733) });
    expectBreakdownAddsUp(after);
    const twice = await call('DELETE', `/carts/${cartId}/promotions/PCT10`, auth);
    expect(twice.statusCode).toBe(404);
    expect(twice.headers['content-type']).toContain('application/problem+json');
  });

  it('applies a fixed amount, allocated across the lines by largest remainder', async () => {
    const cartId = await cartOf({});
    const res = await apply(cartId, 'FIVEOFF');
    expect(res.statusCode).toBe(201);
    const cart = res.json<Json>();
    // 500 × 3998/6498 = 307.63 → 308 (the unit left over goes to the larger remainder), 500 × 2500/6498 → 192.
    expect(cart.items.map((i: Json) => i.discount.amount)).toEqual([308, 192]);
    // (3998 − 308) × 19 % = 701.1 → 701; (2500 − 192) × 19 % = 438.52 → 439.
    expect(cart.totals).toMatchObject({ discountTotal: eur(500), taxTotal: eur(1140), total: eur(7138) });
    expectBreakdownAddsUp(cart);
  });

  it('refuses each code that does not apply with a 409 whose type says why, storing nothing', async () => {
    await createPromotion({
      code: 'OLDCODE',
      benefit: { type: 'percentage', ratePpm: 50_000 },
      startsAt: '2020-01-01T00:00:00Z',
      endsAt: '2020-02-01T00:00:00Z',
    });
    await createPromotion({
      code: 'ONCEONLY',
      benefit: { type: 'percentage', ratePpm: 50_000 },
      limits: { totalRedemptions: 1 },
    });
    await createPromotion({
      code: 'BIGSPENDER',
      benefit: { type: 'percentage', ratePpm: 50_000 },
      conditions: { minimumSubtotal: { EUR: 1_000_000 } },
    });
    const redeemed = await s.bus.execute(
      new RedeemPromotion(
        uuidv7(),
        ['ONCEONLY'],
        {
          currency: 'EUR',
          lines: [{ lineId: 'l', productId: uuidv7(), categoryIds: [], unitPrice: eur(1000), quantity: 1 }],
          shippingTotal: null,
          customer: { customerId: uuidv7(), previousOrders: 0 },
        },
        null,
      ),
    );
    expect(redeemed.outcome).toBe('redeemed');

    const auth = bearer(app);
    const cartId = await cartOf(auth);
    expect((await apply(cartId, 'PCT10', auth)).statusCode).toBe(201);
    const cases: [string, string, Json][] = [
      ['NOSUCHCODE', 'promotion-unknown', { code: 'NOSUCHCODE', promotionId: null }],
      ['a b c', 'promotion-unknown', {}],
      ['OLDCODE', 'promotion-expired', { code: 'OLDCODE', endedAt: '2020-02-01T00:00:00.000Z' }],
      ['ONCEONLY', 'promotion-exhausted', { limit: 'total', maxRedemptions: 1 }],
      ['BIGSPENDER', 'promotion-ineligible', { condition: 'minimum-subtotal', minimumSubtotal: eur(1_000_000) }],
      ['FIVEOFF', 'promotion-not-combinable', { conflictsWith: { promotionId: expect.any(String), code: 'PCT10' } }],
    ];
    for (const [code, type, facts] of cases) {
      const res = await apply(cartId, code, auth);
      expect({ code, status: res.statusCode, type: res.json().type }).toEqual({
        code,
        status: 409,
        type: `/problems/${type}`,
      });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 409, detail: expect.any(String), ...facts });
    }
    const cart = (await call('GET', `/carts/${cartId}`, auth)).json<Json>();
    expect(cart.promotionCodes).toEqual(['PCT10']);
    expect(cart.refusedPromotions).toEqual([]);
  });

  it("keeps a customer's cart from anyone else (404), and refuses hostile input with a 4xx", async () => {
    const owner = bearer(app);
    const cartId = await cartOf(owner);
    expect((await apply(cartId, 'PCT10', owner)).statusCode).toBe(201);
    const stranger = bearer(app);
    for (const res of [
      await apply(cartId, 'FREESHIP', stranger),
      await apply(cartId, 'FREESHIP'),
      await call('DELETE', `/carts/${cartId}/promotions/PCT10`, stranger),
      await call('DELETE', `/carts/${cartId}/promotions/PCT10`),
      await apply(uuidv7(), 'PCT10', owner),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const hostile: [unknown, number][] = [
      [{}, 400],
      [{ code: 42 }, 400],
      [{ code: '' }, 400],
      [{ code: 'X'.repeat(65) }, 400],
      [{ code: ['PCT10'] }, 400],
      [{ code: 'FREESHIP', discount: 100 }, 400],
      [{ code: "'; DROP TABLE cart.carts; --" }, 409],
      [{ code: '\u0000\u202e' }, 400], // control characters: the input guard
    ];
    for (const [payload, status] of hostile) {
      const res = await call('POST', `/carts/${cartId}/promotions`, owner, payload);
      expect({ payload, status: res.statusCode }).toEqual({ payload, status });
    }
    expect((await call('POST', `/carts/not-a-uuid/promotions`, owner, { code: 'PCT10' })).statusCode).toBe(400);
    for (const code of ['%20', 'x'.repeat(300), '%E2%80%AE', 'PCT10%00']) {
      const res = await call('DELETE', `/carts/${cartId}/promotions/${code}`, owner);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect((await call('GET', `/carts/${cartId}`, owner)).json().promotionCodes).toEqual(['PCT10']);
  });

  it("prices each line by its product's tax category, and scopes promotions by product and category", async () => {
    const books = (await call('POST', '/catalog/categories', admin, { name: 'Books' })).json<Json>();
    const created = await call('POST', '/catalog/products', admin, {
      title: 'A Novel',
      description: 'Paper.',
      categoryIds: [books.id],
      taxCategory: 'reduced',
      variants: [{ sku: `NOVEL-${uuidv7()}`, title: 'Paperback', price: eur(1000), stock: 10 }],
    });
    expect(created.statusCode).toBe(201);
    const novel = created.json<Json>();
    await createPromotion({
      code: 'BOOKS20',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      conditions: { scope: { productIds: [], categoryIds: [books.id] } },
    });
    await createPromotion({
      code: 'TEEONLY',
      benefit: { type: 'fixed-amount', amounts: { EUR: 300 } },
      conditions: { scope: { productIds: [tee.id], categoryIds: [] } },
    });

    const cart = (await call('POST', '/carts')).json<Json>();
    await call('POST', `/carts/${cart.id}/items`, {}, { variantId: novel.variants[0].id, quantity: 1 });
    const both = (
      await call('POST', `/carts/${cart.id}/items`, {}, { variantId: tee.variants[0].id, quantity: 1 })
    ).json<Json>();
    // The novel pays the reduced rate (7 %: 70), the tee the standard one (1999 × 19 % = 379.81 → 380).
    expect(both.items.map((i: Json) => [i.taxRatePpm, i.tax.amount])).toEqual([
      [70_000, 70],
      [190_000, 380],
    ]);
    const applied = await apply(cart.id, 'BOOKS20');
    expect(applied.statusCode).toBe(201);
    // 20 % off the book only: 200; its tax (1000 − 200) × 7 % = 56.
    expect(applied.json().items.map((i: Json) => [i.discount.amount, i.tax.amount])).toEqual([
      [200, 56],
      [0, 380],
    ]);
    expectBreakdownAddsUp(applied.json());

    const bookOnly = (await call('POST', '/carts')).json<Json>();
    await call('POST', `/carts/${bookOnly.id}/items`, {}, { variantId: novel.variants[0].id, quantity: 2 });
    const refused = await apply(bookOnly.id, 'TEEONLY');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ type: '/problems/promotion-ineligible', condition: 'scope' });

    // The admin moves the novel back to the standard rate: carts take it from ProductUpdated.
    const patched = await call('PATCH', `/catalog/products/${novel.id}`, admin, { taxCategory: null });
    expect(patched.statusCode).toBe(200);
    await s.flush();
    const deadline = Date.now() + 10_000;
    let rate = 0;
    while (Date.now() < deadline) {
      rate = (await call('GET', `/carts/${cart.id}`)).json().items[0].taxRatePpm;
      if (rate === 190_000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rate).toBe(190_000);
  });

  it('quotes shipping on the subtotal after discounts on goods; a code changed since flags the price stale', async () => {
    const method = await call('POST', '/shipping/methods', admin, {
      zoneId,
      name: 'Free above 60',
      priceRules: [{ kind: 'free_above', price: eur(490), threshold: eur(6000) }],
      estimate: { minDays: 2, maxDays: 4 },
    });
    expect(method.statusCode).toBe(201);
    const freeAbove = method.json().id;
    const auth = bearer(app);
    const cartId = await cartOf(auth); // 6498: free shipping above 6000
    const choose = () => call('PUT', `/carts/${cartId}/shipping-method`, auth, { methodId: freeAbove, country: 'DE' });
    expect((await choose()).json().shippingMethod).toMatchObject({ price: eur(0), stale: false });
    expect((await apply(cartId, 'PCT10', auth)).json().shippingMethod).toMatchObject({ price: eur(0), stale: true });
    // 6498 − 650 = 5848 after the code: under the threshold, so shipping costs 490 (as its options say).
    const options = await call('GET', `/shipping/options?cartId=${cartId}&country=DE`, auth);
    expect(options.json().items.find((o: Json) => o.methodId === freeAbove)?.price).toEqual(eur(490));
    const requoted = (await choose()).json<Json>();
    expect(requoted.shippingMethod).toMatchObject({ price: eur(490), stale: false });
    expect(requoted.totals).toMatchObject({ shippingTotal: eur(490), discountTotal: eur(650) });
    expectBreakdownAddsUp(requoted);
  });

  it('keeps one of two codes that do not combine, applied to one cart at the same time', async () => {
    await createPromotion({ code: 'TENOFF', benefit: { type: 'fixed-amount', amounts: { EUR: 1000 } } });
    for (let round = 0; round < 3; round++) {
      const auth = bearer(app);
      const cartId = await cartOf(auth);
      const answers = await Promise.all([apply(cartId, 'FIVEOFF', auth), apply(cartId, 'TENOFF', auth)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json().type).toBe('/problems/promotion-not-combinable');
      const cart = (await call('GET', `/carts/${cartId}`, auth)).json<Json>();
      expect(cart.promotionCodes).toHaveLength(1);
      expect(cart.refusedPromotions).toEqual([]);
    }
  });

  it('answers 20 different codes applied to one cart at once with 201 or 409 cart-changed, keeping a sound cart', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `RUSH${i}`);
    for (const code of codes) {
      await createPromotion({ code, benefit: { type: 'percentage', ratePpm: 50_000 }, combinable: true });
    }
    const auth = bearer(app);
    const cartId = await cartOf(auth);
    const answers = await Promise.all(codes.map((code) => apply(cartId, code, auth)));
    const applied = answers.filter((a) => a.statusCode === 201).length;
    expect(applied).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((r) => r.statusCode !== 201)) {
      expect({ status: a.statusCode, type: a.json().type }).toEqual({
        status: 409,
        type: expect.stringMatching(/^\/problems\/(cart-changed|promotion-codes-limit)$/),
      });
    }
    const cart = (await call('GET', `/carts/${cartId}`, auth)).json<Json>();
    expect(cart.promotionCodes).toHaveLength(applied);
    expect(cart.promotions).toHaveLength(applied);
    expectBreakdownAddsUp(cart);
  });

  it('refuses a code that grows past 64 characters when upper-cased (ß → SS, ﬀ → FF) as unknown, storing nothing', async () => {
    // Promotions answers a malformed code cut to 64 characters; the cart must not miss that refusal and keep the code.
    const auth = bearer(app);
    const cartId = await cartOf(auth);
    for (const code of ['ß'.repeat(40), 'ﬀ'.repeat(64)]) {
      const res = await apply(cartId, code, auth);
      expect({ code, status: res.statusCode, type: res.json().type }).toEqual({
        code,
        status: 409,
        type: '/problems/promotion-unknown',
      });
    }
    const cart = (await call('GET', `/carts/${cartId}`, auth)).json<Json>();
    expect(cart).toMatchObject({ promotionCodes: [], refusedPromotions: [] });
  });

  it('refuses a code on an empty cart (409 cart-empty)', async () => {
    const cart = (await call('POST', '/carts')).json<Json>();
    const res = await apply(cart.id, 'PCT10');
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/cart-empty');
  });

  it('GetCartForCheckout prices the cart at its accepted prices for the order country; a code gone bad is listed, not thrown', async () => {
    const customerId = uuidv7();
    const auth = bearer(app, ['customer'], customerId);
    const cartId = await cartOf(auth);
    const disposable = await createPromotion({
      code: 'SOONGONE',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      combinable: true,
    });
    expect((await apply(cartId, 'PCT10', auth)).statusCode).toBe(201);
    expect((await apply(cartId, 'SOONGONE', auth)).statusCode).toBe(201);
    expect((await call('PUT', `/carts/${cartId}/shipping-method`, auth, { methodId, country: 'DE' })).statusCode).toBe(
      200,
    );
    expect((await apply(cartId, 'FREESHIP', auth)).statusCode).toBe(201);
    expect((await call('PATCH', `/promotions/${disposable.id}`, admin, { disabled: true })).statusCode).toBe(200);

    const checkout = await s.bus.query(new GetCartForCheckout(cartId, customerId, 'DE'));
    expect(checkout?.promotionCodes).toEqual(['PCT10', 'SOONGONE', 'FREESHIP']);
    const pricing = checkout!.pricing!;
    expect(pricing).toMatchObject({
      taxIncluded: false,
      taxCountry: 'DE',
      subtotal: eur(6498),
      discountTotal: eur(650 + 490),
      shippingTotal: eur(490),
      taxTotal: eur(1112),
      total: eur(6960),
      refused: [
        { type: 'promotion-disabled', code: 'SOONGONE', promotionId: disposable.id, detail: expect.any(String) },
      ],
    });
    expect(pricing.promotions.map((p) => [p.code, p.benefit, p.amount.amount])).toEqual([
      ['PCT10', 'percentage', 650],
      ['FREESHIP', 'free-shipping', 490],
    ]);
    expect(pricing.lines).toEqual([
      {
        lineId: tee.variants[0].id,
        quantity: 2,
        unitPrice: eur(1999),
        amount: eur(3998),
        discount: eur(400),
        tax: eur(684),
        taxRatePpm: 190_000,
        total: eur(4282),
        byPromotion: [{ promotionId: pricing.promotions[0].promotionId, code: 'PCT10', amount: eur(400) }],
      },
      expect.objectContaining({ lineId: tee.variants[1].id, discount: eur(250), tax: eur(428), total: eur(2678) }),
    ]);
    expect(pricing.shipping).toEqual({
      amount: eur(490),
      discount: eur(490),
      tax: eur(0),
      taxRatePpm: 190_000,
      total: eur(0),
      byPromotion: [{ promotionId: pricing.promotions[1].promotionId, code: 'FREESHIP', amount: eur(490) }],
    });
    const parts = [...pricing.lines, pricing.shipping!];
    expect(parts.reduce((sum, p) => sum + p.total.amount, 0)).toBe(pricing.total.amount);

    // A country without rules is not taxed; someone else's cart is null.
    const elsewhere = await s.bus.query(new GetCartForCheckout(cartId, customerId, 'FR'));
    expect(elsewhere!.pricing).toMatchObject({ taxCountry: 'FR', taxTotal: eur(0), total: eur(6498 - 650) });
    expect(await s.bus.query(new GetCartForCheckout(cartId, uuidv7(), 'DE'))).toBeNull();
  });
});

describe('cart: totals in a tax-inclusive store', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog', 'cart', 'promotions', 'tax'],
      env: { TAX_DEFAULT_COUNTRY: 'DE', TAX_PRICE_MODE: 'tax-inclusive' },
    });
  });
  afterAll(() => s.close());

  it('reads the tax out of the discounted gross prices, and does not add it again', async () => {
    const app = s.app;
    const admin = bearer(app, ['admin']);
    await app.inject({
      method: 'POST',
      url: '/tax/countries',
      headers: admin,
      payload: { country: 'DE', rates: { standard: 190_000 }, shippingCategory: 'standard' },
    });
    await app.inject({
      method: 'POST',
      url: '/promotions',
      headers: admin,
      payload: { code: 'PCT10', benefit: { type: 'percentage', ratePpm: 100_000 } },
    });
    const tee = await createProduct(app, [
      { price: 1999, stock: 50 },
      { price: 2500, stock: 50 },
    ]);
    const cart = (await app.inject({ method: 'POST', url: '/carts' })).json<Json>();
    await app.inject({
      method: 'POST',
      url: `/carts/${cart.id}/items`,
      payload: { variantId: tee.variants[0].id, quantity: 2 },
    });
    await app.inject({
      method: 'POST',
      url: `/carts/${cart.id}/items`,
      payload: { variantId: tee.variants[1].id, quantity: 1 },
    });
    const res = await app.inject({ method: 'POST', url: `/carts/${cart.id}/promotions`, payload: { code: 'PCT10' } });
    expect(res.statusCode).toBe(201);
    const priced = res.json<Json>();
    // Gross 3598 → tax 3598 × 0.19 / 1.19 = 574.47 → 574; gross 2250 → 359.24 → 359.
    expect(priced.items.map((i: Json) => [i.discount.amount, i.tax.amount, i.total.amount])).toEqual([
      [400, 574, 3598],
      [250, 359, 2250],
    ]);
    expect(priced.totals).toMatchObject({
      taxIncluded: true,
      subtotal: eur(6498),
      discountTotal: eur(650),
      taxTotal: eur(933),
      total: eur(5848),
    });
    expectBreakdownAddsUp(priced);
  });
});

describe('cart: pricing while promotions and tax are not reachable', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog', 'cart'] });
  });
  afterAll(() => s.close());

  it('shows the cart without discounts and tax, flagged; checkout gets no pricing; applying a code is a 503', async () => {
    const app = s.app;
    const tee = await createProduct(app, [{ price: 1999, stock: 50 }]);
    const customerId = uuidv7();
    const auth = bearer(app, ['customer'], customerId);
    const cart = (await app.inject({ method: 'POST', url: '/carts', headers: auth })).json<Json>();
    const added = await app.inject({
      method: 'POST',
      url: `/carts/${cart.id}/items`,
      headers: auth,
      payload: { variantId: tee.variants[0].id, quantity: 2 },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      pricingIncomplete: true,
      pricingUnavailable: ['promotions', 'tax'],
      totals: { subtotal: eur(3998), discountTotal: eur(0), taxTotal: eur(0), total: eur(3998), taxCountry: null },
    });
    const applied = await app.inject({
      method: 'POST',
      url: `/carts/${cart.id}/promotions`,
      headers: auth,
      payload: { code: 'PCT10' },
    });
    expect(applied.statusCode).toBe(503);
    expect(applied.headers['content-type']).toContain('application/problem+json');
    const checkout = await s.bus.query(new GetCartForCheckout(cart.id, customerId, 'DE'));
    expect(checkout).not.toBeNull();
    expect(checkout!.pricing).toBeUndefined();
    expect(checkout!.promotionCodes).toEqual([]);
  });
});
