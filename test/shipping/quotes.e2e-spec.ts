import { v7 as uuidv7 } from 'uuid';
import { GetShippingOptions, QuoteShippingMethod } from '../../src/modules/shipping';
import { bearer } from '../support/auth';
import { createProduct } from '../cart/support';
import { Scenario } from '../support/scenario';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Quotes: the cart's lines through cart's contract, the destination's zones, the price rules at their edges. */
describe('shipping: quotes', () => {
  let s: Scenario;
  let admin: { authorization: string };
  let variantId: string;
  const methods: Record<string, string> = {};

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog', 'cart', 'shipping'] });
    admin = bearer(s.app, ['admin']);
    variantId = (await createProduct(s.app, [{ price: 2500, stock: 100 }])).variants[0].id;
    const zone = async (name: string, countries: string[]) =>
      (
        await s.app.inject({ method: 'POST', url: '/shipping/zones', headers: admin, payload: { name, countries } })
      ).json().id as string;
    const method = async (
      zoneId: string,
      name: string,
      priceRules: unknown[],
      estimate = { minDays: 2, maxDays: 4 },
    ) => {
      const response = await s.app.inject({
        method: 'POST',
        url: '/shipping/methods',
        headers: admin,
        payload: { zoneId, name, priceRules, estimate },
      });
      expect(response.statusCode).toBe(201);
      methods[name] = response.json().id;
    };
    const eu = await zone('EU', ['DE', 'FR', 'AT']);
    const germany = await zone('Germany', ['DE']);
    await method(eu, 'Standard', [{ kind: 'free_above', price: eur(590), threshold: eur(5000) }]);
    await method(germany, 'Express', [{ kind: 'flat', price: eur(990) }], { minDays: 1, maxDays: 1 });
    await method(eu, 'Parcel', [{ kind: 'weight_bands', bands: [{ upToGrams: 1000, price: eur(450) }] }]);
    await method(eu, 'Yen only', [{ kind: 'flat', price: { amount: 800, currency: 'JPY' } }]);
  });
  afterAll(() => s.close());

  const cartWith = async (customer: { authorization: string }, quantity: number) => {
    const cart = (await s.app.inject({ method: 'POST', url: '/carts', headers: customer })).json();
    await s.app.inject({
      method: 'POST',
      url: `/carts/${cart.id}/items`,
      headers: customer,
      payload: { variantId, quantity },
    });
    return cart.id as string;
  };
  const options = (cartId: string, country: string, headers: Record<string, string>) =>
    s.app.inject({ method: 'GET', url: `/shipping/options?cartId=${cartId}&country=${country}`, headers });

  it('offers only the methods that serve the destination, cheapest first, free above the threshold', async () => {
    const customer = bearer(s.app, ['customer']);
    const cartId = await cartWith(customer, 1); // 25.00 EUR: under the 50.00 threshold
    const inGermany = await options(cartId, 'DE', customer);
    expect(inGermany.statusCode).toBe(200);
    expect(inGermany.json()).toEqual({
      weightGrams: 0,
      items: [
        expect.objectContaining({ name: 'Parcel', price: eur(450) }),
        expect.objectContaining({ name: 'Standard', price: eur(590), estimate: { minDays: 2, maxDays: 4 } }),
        expect.objectContaining({ name: 'Express', price: eur(990), methodId: methods.Express }),
      ],
    });
    expect((await options(cartId, 'FR', customer)).json().items.map((o: { name: string }) => o.name)).toEqual([
      'Parcel',
      'Standard',
    ]);
    expect((await options(cartId, 'US', customer)).json().items).toEqual([]);

    const exactly = await cartWith(customer, 2); // exactly 50.00 EUR: free
    const free = (await options(exactly, 'FR', customer)).json().items;
    expect(free[0]).toMatchObject({ name: 'Standard', price: eur(0) });
  });

  it("answers another customer's cart with a 404 and bad input with a 400, never a 500", async () => {
    const owner = bearer(s.app, ['customer']);
    const cartId = await cartWith(owner, 1);
    expect((await options(cartId, 'DE', bearer(s.app, ['customer']))).statusCode).toBe(404);
    expect((await options(uuidv7(), 'DE', owner)).statusCode).toBe(404);
    // Anonymous callers may quote guest carts only: a customer's cart is not theirs.
    expect(
      (await s.app.inject({ method: 'GET', url: `/shipping/options?cartId=${cartId}&country=DE` })).statusCode,
    ).toBe(404);
    for (const query of [
      `cartId=${cartId}&country=de`,
      `cartId=${cartId}&country=UK`,
      `cartId=x&country=DE`,
      `cartId=${cartId}`,
    ]) {
      const response = await s.app.inject({ method: 'GET', url: `/shipping/options?${query}`, headers: owner });
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
    }
  });

  it('quotes a chosen method through the contracts, refusing a changed price or a destination it does not serve', async () => {
    const lines = [{ variantId, quantity: 1 }];
    const all = await s.bus.query(new GetShippingOptions('AT', eur(4999), lines));
    expect(all.items.map((o) => o.name)).toEqual(['Parcel', 'Standard']);
    expect(await s.bus.query(new QuoteShippingMethod(methods.Standard, 'AT', eur(4999), lines, eur(590)))).toEqual({
      quote: expect.objectContaining({ price: eur(590) }),
      refusal: null,
    });
    const changed = await s.bus.query(new QuoteShippingMethod(methods.Standard, 'AT', eur(5000), lines, eur(590)));
    expect(changed).toEqual({
      quote: expect.objectContaining({ price: eur(0) }),
      refusal: { code: 'shipping-price-changed', detail: expect.any(String) },
    });
    const refusals = await Promise.all([
      s.bus.query(new QuoteShippingMethod(methods.Express, 'AT', eur(100), lines)),
      s.bus.query(new QuoteShippingMethod(methods['Yen only'], 'AT', eur(100), lines)),
      s.bus.query(new QuoteShippingMethod(uuidv7(), 'AT', eur(100), lines)),
    ]);
    expect(refusals.map((r) => r.refusal?.code)).toEqual([
      'shipping-method-not-serving-destination',
      'shipping-method-currency-unsupported',
      'shipping-method-unavailable',
    ]);
    await expect(s.bus.query(new GetShippingOptions('XX', eur(1), lines))).rejects.toThrow();
    await expect(s.bus.query(new GetShippingOptions('DE', { amount: -1, currency: 'EUR' }, lines))).rejects.toThrow();
  });

  it("prices by catalog's variant weights: weight bands up to and including their bound, heavier not served", async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/catalog/products',
      headers: admin,
      payload: {
        title: `Weighed ${uuidv7()}`,
        description: 'Has a weight.',
        variants: [{ sku: `W-${uuidv7()}`, title: 'Half a kilo', price: eur(1000), stock: 10, weightGrams: 500 }],
      },
    });
    expect(created.statusCode).toBe(201);
    const heavy = created.json().variants[0].id as string;
    const parcel = (quantity: number) => [{ variantId: heavy, quantity }];

    const two = await s.bus.query(new GetShippingOptions('DE', eur(2000), parcel(2)));
    expect(two.weightGrams).toBe(1000);
    expect(two.items.find((o) => o.name === 'Parcel')).toMatchObject({ price: eur(450) });
    const three = await s.bus.query(new GetShippingOptions('DE', eur(3000), parcel(3)));
    expect(three.weightGrams).toBe(1500);
    expect(three.items.map((o) => o.name)).not.toContain('Parcel');
    expect((await s.bus.query(new QuoteShippingMethod(methods.Parcel, 'DE', eur(3000), parcel(3)))).refusal?.code).toBe(
      'shipping-method-weight-exceeded',
    );

    // Through the cart: a weightless variant and the weighed one add up.
    const customer = bearer(s.app, ['customer']);
    const cart = (await s.app.inject({ method: 'POST', url: '/carts', headers: customer })).json();
    for (const [id, quantity] of [
      [heavy, 1],
      [variantId, 1],
    ] as const) {
      await s.app.inject({
        method: 'POST',
        url: `/carts/${cart.id}/items`,
        headers: customer,
        payload: { variantId: id, quantity },
      });
    }
    const quoted = (await options(cart.id, 'DE', customer)).json();
    expect(quoted.weightGrams).toBe(500);
    expect(quoted.items[0]).toMatchObject({ name: 'Parcel', price: eur(450) });
  });
});
