import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

interface Revenue {
  currency: string;
  taxIncluded: boolean;
  orders: number;
  subtotal: { amount: number; currency: string };
  discountTotal: { amount: number };
  shippingTotal: { amount: number };
  taxTotal: { amount: number };
  total: { amount: number; currency: string };
}

describe('GET /orders/stats: orders and revenue since an instant, checkouts in flight (real PostgreSQL)', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({ env: { OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' } });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  it('counts a confirmed and a declined order and sums the confirmed one as revenue, breakdown-consistent', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const empty = await shop.request('GET', `/orders/stats?since=${encodeURIComponent(since)}`, shop.admin());
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ since, placed: 0, confirmed: 0, cancelled: 0, revenue: [] });

    const { variantId } = await shop.createProduct(10, 2500);
    const buyer = await shop.signUp();
    const paid = await shop.placeOrder(buyer.auth, await shop.cartWith(buyer.auth, [{ variantId, quantity: 2 }]));
    const decliner = await shop.signUp();
    const declined = await shop.placeOrder(
      decliner.auth,
      await shop.cartWith(decliner.auth, [{ variantId, quantity: 1 }]),
      'tok_chargeDeclined',
    );
    const confirmedOrder = await shop.orderUntil(buyer.auth, paid.body.id, ['confirmed', 'cancelled']);
    expect(confirmedOrder.status).toBe('confirmed');
    expect((await shop.orderUntil(decliner.auth, declined.body.id, ['confirmed', 'cancelled'])).status).toBe(
      'cancelled',
    );

    const stats = await shop.request('GET', `/orders/stats?since=${encodeURIComponent(since)}`, shop.admin());
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ placed: 2, confirmed: 1, cancelled: 1 });
    const revenue = stats.body.revenue as Revenue[];
    expect(revenue).toHaveLength(1);
    const [eur] = revenue;
    expect(eur).toMatchObject({ currency: 'EUR', orders: 1, total: confirmedOrder.totals.total });
    expect(eur.total.amount).toBe(
      eur.subtotal.amount -
        eur.discountTotal.amount +
        eur.shippingTotal.amount +
        (eur.taxIncluded ? 0 : eur.taxTotal.amount),
    );
    expect(Object.keys(stats.body.inFlight.byState)).toEqual(
      expect.arrayContaining(['reserving_stock', 'authorizing_payment', 'awaiting_review', 'confirming']),
    );
    expect(stats.body.inFlight.total).toBe(
      Object.values(stats.body.inFlight.byState as Record<string, number>).reduce((a, b) => a + b, 0),
    );

    // A window that starts later holds none of them; the default window is today (UTC).
    const later = await shop.request('GET', '/orders/stats?since=2999-01-01T00:00:00Z', shop.admin());
    expect(later.body).toMatchObject({ placed: 0, confirmed: 0, cancelled: 0, revenue: [] });
    const today = await shop.request('GET', '/orders/stats', shop.admin());
    expect(today.body.since).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  });

  it('refuses a malformed since with 400 problem+json, and non-admins with 403', async () => {
    for (const since of ['yesterday', '2026-13-01', '+275760-09-13T00:00:00Z', '2026-11-29T00:00:00']) {
      const answer = await shop.request('GET', `/orders/stats?since=${encodeURIComponent(since)}`, shop.admin());
      expect([since, answer.status]).toEqual([since, 400]);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    const customer = await shop.signUp();
    expect((await shop.request('GET', '/orders/stats', customer.auth)).status).toBe(403);
  });

  it('sums revenue per currency: one row each for EUR and USD, each row’s parts adding up to its total', async () => {
    const since = new Date().toISOString(); // after the orders of the tests above
    const admin = shop.admin();
    const usd = await shop.request('POST', '/catalog/products', admin, {
      title: 'Imported thing',
      description: 'Priced in dollars',
      variants: [{ sku: `USD-${Date.now()}`, title: 'Default', price: { amount: 1999, currency: 'USD' }, stock: 10 }],
    });
    expect(usd.status).toBe(201);
    const { variantId: eurVariant } = await shop.createProduct(10, 1250);
    const orders = [];
    for (const line of [
      { variantId: usd.body.variants[0].id, quantity: 3 },
      { variantId: eurVariant, quantity: 1 },
      { variantId: eurVariant, quantity: 2 },
    ]) {
      const buyer = await shop.signUp();
      const placed = await shop.placeOrder(buyer.auth, await shop.cartWith(buyer.auth, [line]));
      orders.push(await shop.orderUntil(buyer.auth, placed.body.id, ['confirmed', 'cancelled']));
    }
    expect(orders.map((o) => [o.status, o.totals.total.currency])).toEqual([
      ['confirmed', 'USD'],
      ['confirmed', 'EUR'],
      ['confirmed', 'EUR'],
    ]);

    const stats = await shop.request('GET', `/orders/stats?since=${encodeURIComponent(since)}`, admin);
    const revenue = stats.body.revenue as Revenue[];
    expect(revenue.map((r) => [r.currency, r.orders])).toEqual([
      ['EUR', 2],
      ['USD', 1],
    ]);
    for (const row of revenue) {
      expect(row.total.amount).toBe(
        row.subtotal.amount -
          row.discountTotal.amount +
          row.shippingTotal.amount +
          (row.taxIncluded ? 0 : row.taxTotal.amount),
      );
      for (const part of [row.subtotal, row.discountTotal, row.shippingTotal, row.taxTotal, row.total])
        expect(part).toMatchObject({ currency: row.currency });
      const mine = orders.filter((o) => o.totals.total.currency === row.currency);
      expect(row.total.amount).toBe(mine.reduce((sum, o) => sum + o.totals.total.amount, 0));
    }
  });
});
