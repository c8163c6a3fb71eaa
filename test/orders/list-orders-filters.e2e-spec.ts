import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

describe('GET /orders filters for the console: status, customer, placed from/to, paging (real PostgreSQL)', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({ env: { OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' } });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  it('narrows the list to the orders placed in a window, combined with the other filters', async () => {
    const { variantId } = await shop.createProduct(10);
    const alice = await shop.signUp();
    const first = await shop.placeOrder(alice.auth, await shop.cartWith(alice.auth, [{ variantId, quantity: 1 }]));
    const firstOrder = await shop.orderUntil(alice.auth, first.body.id, ['confirmed', 'cancelled']);
    const between = new Date(new Date(firstOrder.createdAt).getTime() + 1).toISOString();
    const bob = await shop.signUp();
    const second = await shop.placeOrder(bob.auth, await shop.cartWith(bob.auth, [{ variantId, quantity: 1 }]));
    await shop.orderUntil(bob.auth, second.body.id, ['confirmed', 'cancelled']);

    const ids = async (query: string) => {
      const answer = await shop.request('GET', `/orders?${query}`, shop.admin());
      expect(answer.status).toBe(200);
      return (answer.body.items as { id: string }[]).map((o) => o.id);
    };
    expect(await ids('')).toEqual([second.body.id, first.body.id]);
    expect(await ids(`placedFrom=${encodeURIComponent(between)}`)).toEqual([second.body.id]);
    expect(await ids(`placedTo=${encodeURIComponent(between)}`)).toEqual([first.body.id]);
    expect(await ids(`placedFrom=${encodeURIComponent(between)}&customerId=${alice.id}`)).toEqual([]);
    expect(await ids(`status=confirmed&placedTo=${encodeURIComponent(between)}`)).toEqual([first.body.id]);
    const page = await shop.request('GET', '/orders?limit=1', shop.admin());
    expect(page.body.items).toHaveLength(1);
    const next = await shop.request('GET', `/orders?limit=1&cursor=${page.body.nextCursor}`, shop.admin());
    expect(next.body.items.map((o: { id: string }) => o.id)).toEqual([first.body.id]);
    // A customer's window covers only their own orders.
    const mine = await shop.request('GET', `/orders?placedTo=${encodeURIComponent(between)}`, bob.auth);
    expect(mine.body.items).toEqual([]);
  });

  it('refuses a malformed window with 400 problem+json', async () => {
    for (const query of ['placedFrom=yesterday', 'placedTo=2026-02-30T00:00:00Z', 'placedFrom=2026-11-29T10:00']) {
      const answer = await shop.request('GET', `/orders?${query}`, shop.admin());
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
  });
});
