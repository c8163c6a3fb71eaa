import { getDataSourceToken } from '@nestjs/typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { CartItemAdded } from '../../src/modules/cart';
import { ProductPublished, ProductUpdated, StockAvailabilityChanged } from '../../src/modules/catalog';
import { OrderConfirmed } from '../../src/modules/orders';
import { StaleNeighboursSweeper } from '../../src/modules/recommendations/application/refresh-neighbours/stale-neighbours.sweeper';
import { CoOccurrenceModel } from '../../src/modules/recommendations/domain/co-occurrence-model';
import { rebuildReadModel } from '../../src/modules/recommendations/infrastructure/read-model-rebuild';
import { loadRecommendationsConfig } from '../../src/modules/recommendations/recommendations.config';
import { IntegrationEvent, LocalEventDispatcher, toEnvelope } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';

interface Item {
  productId: string;
  score: number;
  reason: string;
}

describe('recommendations', () => {
  let s: Scenario;
  const ids = (items: Item[]) => items.map((i) => i.productId);
  const [tent, pegs, lamp, kettle, socks, hat] = Array.from({ length: 6 }, () => uuidv7());
  const stranger = uuidv7();
  const alice = uuidv7();

  const deliver = (event: IntegrationEvent<unknown>) => s.app.get(LocalEventDispatcher).dispatch(toEnvelope(event));
  /** Neighbour lists are ranked again by a background refresh, off here: the tests run it. */
  const refresh = () => s.app.get(StaleNeighboursSweeper).refreshStale();
  const confirmed = (customerId: string, productIds: string[], orderId = uuidv7()) =>
    new OrderConfirmed({
      orderId,
      customerId,
      lines: productIds.map((productId) => ({
        productId,
        variantId: uuidv7(),
        sku: 'SKU',
        title: 'Item',
        quantity: 1,
        unitPrice: { amount: 100, currency: 'EUR' },
      })),
      total: { amount: 100 * productIds.length, currency: 'EUR' },
      confirmedAt: new Date().toISOString(),
    });
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await s.app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
  };

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['recommendations'], env: { RECS_NEIGHBOUR_REFRESH_MS: '0' } });
    // tent and pegs are bought together; lamp sometimes with the tent; kettle and socks are
    // bestsellers bought with each other, never with the tent.
    for (let i = 0; i < 3; i++) await deliver(confirmed(uuidv7(), [tent, pegs]));
    await deliver(confirmed(uuidv7(), [tent, lamp]));
    for (let i = 0; i < 6; i++) await deliver(confirmed(uuidv7(), [kettle, socks]));
    await deliver(confirmed(alice, [tent]));
    await refresh();
  });
  afterAll(() => s.close());

  it('ranks products bought together above unrelated ones, with the domain model’s cosine scores', async () => {
    const { status, body } = await get(`/recommendations/products/${tent}`);
    expect(status).toBe(200);
    const items = body.items as Item[];
    expect(ids(items).slice(0, 2)).toEqual([pegs, lamp]);
    expect(items.slice(0, 2).every((i) => i.reason === 'bought-together')).toBe(true);
    // The unrelated bestsellers only pad the list, below every co-purchased product.
    expect(items.slice(2).map((i) => i.reason)).toEqual(['popular', 'popular']);
    expect(ids(items)).not.toContain(tent);

    const model = new CoOccurrenceModel();
    [[tent, pegs], [tent, pegs], [tent, pegs], [tent, lamp], [tent]].forEach((b) => model.addBasket(b, 1));
    const expected = model.neighboursOf(tent, 10);
    expect(items[0].score).toBeCloseTo(expected[0].score, 12);
    expect(items[1].score).toBeCloseTo(expected[1].score, 12);
  });

  it("suggests from the caller's history and never what they already bought", async () => {
    const { status, body } = await get('/recommendations/me', bearer(s.app, ['customer'], alice));
    expect(status).toBe(200);
    expect(ids(body.items)).not.toContain(tent);
    expect(ids(body.items).slice(0, 2)).toEqual([pegs, lamp]);
    expect((await get('/recommendations/me')).status).toBe(401);
  });

  it('falls back to popular products on a cold start', async () => {
    const newcomer = await get('/recommendations/me', bearer(s.app, ['customer'], stranger));
    expect(newcomer.status).toBe(200);
    expect(ids(newcomer.body.items).slice(0, 2).sort()).toEqual([kettle, socks].sort());
    expect((newcomer.body.items as Item[]).every((i) => i.reason === 'popular')).toBe(true);

    // Known from the catalog only: no co-purchase yet, so popular products stand in.
    await deliver(new ProductPublished({ productId: hat, slug: 'hat', title: 'Hat', categoryIds: [], variants: [] }));
    const fresh = await get(`/recommendations/products/${hat}?limit=2`);
    expect(fresh.status).toBe(200);
    expect(ids(fresh.body.items).sort()).toEqual([kettle, socks].sort());

    const popular = await get('/recommendations/popular?limit=2');
    expect(ids(popular.body.items).sort()).toEqual([kettle, socks].sort());
  });

  it('does not double-count a duplicate event nor a republished order', async () => {
    const before = (await get(`/recommendations/products/${tent}`)).body.items as Item[];
    const event = confirmed(uuidv7(), [tent, lamp]);
    await deliver(event);
    await refresh();
    const once = (await get(`/recommendations/products/${tent}`)).body.items as Item[];
    expect(once[1].score).toBeGreaterThan(before[1].score);

    await deliver(event); // same event id: the inbox skips it
    await deliver(confirmed(event.payload.customerId, [tent, lamp], event.payload.orderId)); // same order, new event id
    await refresh();
    const after = (await get(`/recommendations/products/${tent}`)).body.items as Item[];
    const boughtTogether = (items: Item[]) => items.filter((i) => i.reason === 'bought-together');
    expect(boughtTogether(after)).toEqual(boughtTogether(once));
    expect(ids(after)).toEqual(ids(once));
  });

  it('answers with what a product card needs, learned from catalog events', async () => {
    const variant = (amount: number, inStock: boolean) => ({
      variantId: uuidv7(),
      sku: `LAMP-${amount}`,
      title: `${amount}`,
      price: { amount, currency: 'EUR' },
      inStock,
    });
    await deliver(
      new ProductPublished({
        productId: lamp,
        slug: 'camp-lamp',
        title: 'Camp Lamp',
        categoryIds: [],
        images: ['https://img.example/lamp-1.jpg', 'https://img.example/lamp-2.jpg'],
        variants: [variant(1250, false), variant(450, true)],
      }),
    );
    const items = (await get(`/recommendations/products/${tent}`)).body.items as (Item & { product: unknown })[];
    expect(items.find((i) => i.productId === lamp)?.product).toEqual({
      id: lamp,
      slug: 'camp-lamp',
      title: 'Camp Lamp',
      image: 'https://img.example/lamp-1.jpg',
      price: { amount: 450, currency: 'EUR' },
      inStock: true,
    });
    // Never announced by catalog (only bought): no card to show.
    expect(items.find((i) => i.productId === pegs)?.product).toBeNull();
  });

  it('drops archived and out-of-stock products, using catalog events', async () => {
    const variant = uuidv7();
    await deliver(new ProductUpdated({ productId: pegs, title: 'Pegs', status: 'archived', variants: [] }));
    expect(ids((await get(`/recommendations/products/${tent}`)).body.items)).not.toContain(pegs);
    await deliver(
      new ProductUpdated({
        productId: pegs,
        title: 'Pegs',
        status: 'active',
        variants: [
          { variantId: variant, sku: 'P', title: 'P', price: { amount: 1, currency: 'EUR' }, previousPrice: null },
        ],
      }),
    );
    expect(ids((await get(`/recommendations/products/${tent}`)).body.items)[0]).toBe(pegs);

    await deliver(new StockAvailabilityChanged({ productId: kettle, variantId: uuidv7(), inStock: false }));
    await deliver(new StockAvailabilityChanged({ productId: pegs, variantId: variant, inStock: false }));
    expect(ids((await get(`/recommendations/products/${tent}`)).body.items)).not.toContain(pegs);
    expect(ids((await get('/recommendations/popular')).body.items)).not.toContain(kettle);
    expect(ids((await get('/recommendations/me', bearer(s.app, ['customer'], alice))).body.items)).not.toContain(pegs);

    await deliver(new StockAvailabilityChanged({ productId: pegs, variantId: variant, inStock: true }));
    expect(ids((await get(`/recommendations/products/${tent}`)).body.items)[0]).toBe(pegs);
  });

  it('answers a bad limit or product id with 400 and an unknown product with 404, as problem+json', async () => {
    for (const limit of ['0', '51', 'abc', '2.5', '-1']) {
      const response = await get(`/recommendations/products/${tent}?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(response.type).toContain('application/problem+json');
      expect(response.body.errors[0].field).toBe('limit');
    }
    expect((await get('/recommendations/popular?limit=500')).status).toBe(400);
    expect((await get('/recommendations/products/not-a-uuid')).status).toBe(400);
    const unknown = await get(`/recommendations/products/${uuidv7()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    expect((await get(`/recommendations/products/${tent}?limit=1`)).body.items).toHaveLength(1);
  });

  it('learns weakly from carts, and a full rebuild reproduces the incrementally kept model', async () => {
    const cart = uuidv7();
    const adds = [lamp, hat, lamp].map(
      (productId) =>
        new CartItemAdded({ cartId: cart, customerId: stranger, variantId: uuidv7(), productId, quantity: 1 }),
    );
    for (const add of adds) await deliver(add);
    await refresh();
    const similar = (await get(`/recommendations/products/${hat}`)).body.items as Item[];
    expect(similar[0]).toMatchObject({ productId: lamp, reason: 'bought-together' });
    // A cart-only interest seeds suggestions but is not a purchase, so it is not excluded.
    expect(ids((await get('/recommendations/me', bearer(s.app, ['customer'], stranger))).body.items)).toContain(tent);

    const dataSource = s.app.get<DataSource>(getDataSourceToken('recommendations'));
    const neighbours = async (products?: string[]) =>
      (await dataSource.query(
        `SELECT product_id, neighbour_id, score FROM neighbour
         WHERE $1::uuid[] IS NULL OR product_id = ANY($1::uuid[]) ORDER BY 1, 3 DESC, 2`,
        [products ?? null],
      )) as { product_id: string; neighbour_id: string; score: number }[];
    const snapshot = async () => ({
      touchedByLastEvent: await neighbours([lamp, hat]),
      users: await dataSource.query('SELECT * FROM user_product ORDER BY 1, 2'),
      products: (await dataSource.query(
        'SELECT product_id, occurrences, popularity, available FROM product ORDER BY 1',
      )) as { popularity: number }[],
    });
    const expectClose = <T extends Record<string, unknown>>(actual: T[], expected: T[], key: keyof T) => {
      expect(actual.map((r) => ({ ...r, [key]: 0 }))).toEqual(expected.map((r) => ({ ...r, [key]: 0 })));
      actual.forEach((row, i) => expect((row[key] as number) / (expected[i][key] as number)).toBeCloseTo(1, 9));
    };
    const incremental = await snapshot();
    const report = await rebuildReadModel(dataSource, loadRecommendationsConfig({}));
    expect(report.purchases).toBeGreaterThan(0);
    const rebuilt = await snapshot();
    expect(rebuilt.users).toEqual(incremental.users);
    expectClose(rebuilt.products, incremental.products, 'popularity');
    // Lists touched by an event are exact; others may hold a stale score until the rebuild.
    expectClose(rebuilt.touchedByLastEvent, incremental.touchedByLastEvent, 'score');

    // The rebuilt model is the domain model over the same facts.
    const model = new CoOccurrenceModel();
    const baskets = (await dataSource.query(
      `SELECT array_agg(product_id::text) AS products, 1.0::float8 AS weight FROM purchase GROUP BY order_id
       UNION ALL SELECT array_agg(product_id::text), 0.2 FROM cart_add GROUP BY cart_id`,
    )) as { products: string[]; weight: number }[];
    baskets.forEach((b) => model.addBasket(b.products, b.weight));
    const expected = [...model.allNeighbours(50)].flatMap(([productId, list]) =>
      list.map((n) => ({ product_id: productId, neighbour_id: n.productId, score: n.score })),
    );
    const sortRows = (rows: { product_id: string; neighbour_id: string; score: number }[]) =>
      [...rows].sort(
        (a, b) =>
          a.product_id.localeCompare(b.product_id) || b.score - a.score || a.neighbour_id.localeCompare(b.neighbour_id),
      );
    expectClose(await neighbours(), sortRows(expected), 'score');
  });
  it('ranks a product touched by many events once, on the next refresh, and not before', async () => {
    const [bag, strap] = [uuidv7(), uuidv7()];
    const dataSource = s.app.get<DataSource>(getDataSourceToken('recommendations'));
    const stale = async () =>
      ((await dataSource.query('SELECT product_id FROM stale_neighbours ORDER BY 1')) as { product_id: string }[]).map(
        (r) => r.product_id,
      );
    for (let i = 0; i < 3; i++) await deliver(confirmed(uuidv7(), [bag, strap]));
    expect(await stale()).toEqual([bag, strap].sort());
    expect((await get(`/recommendations/products/${bag}`)).body.items.map((i: Item) => i.reason)).not.toContain(
      'bought-together',
    );

    expect(await refresh()).toBe(2);
    expect(await stale()).toEqual([]);
    const items = (await get(`/recommendations/products/${bag}`)).body.items as Item[];
    expect(items[0]).toMatchObject({ productId: strap, reason: 'bought-together' });
  });
  it('learns from concurrent events about the same products without conflicting over their neighbour lists', async () => {
    // Each event used to rank the lists of every product in its cart again: two at once about a
    // shared product both re-inserted its list (duplicate key), and the loser was retried.
    const shared = Array.from({ length: 12 }, () => uuidv7());
    const adds = Array.from({ length: 24 }, () => uuidv7()).flatMap((cartId, c) =>
      Array.from(
        { length: 6 },
        (_, i) =>
          new CartItemAdded({
            cartId,
            customerId: null,
            variantId: uuidv7(),
            productId: shared[(c + i * 5) % shared.length],
            quantity: 1,
          }),
      ),
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let add = adds[next++]; add; add = adds[next++]) await deliver(add);
      }),
    );
    await refresh();
    const similar = (await get(`/recommendations/products/${shared[0]}`)).body.items as Item[];
    expect(similar.filter((i) => i.reason === 'bought-together').length).toBeGreaterThan(0);
  });
});
