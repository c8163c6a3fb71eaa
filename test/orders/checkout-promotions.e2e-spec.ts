import { randomUUID } from 'node:crypto';
import { decodeMail, SmtpTestServer } from '../notifications/smtp-test-server';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Checkout with promotion codes and tax (issue 19, ADR 0118), all modules in one process on real
 * PostgreSQL and a real SMTP server: the order copies the cart's breakdown, payments captures its
 * total, the saga redeems the code before holding anything and gives it back on cancel and full
 * refund, and a code used up between cart and checkout cancels the order `promotion_unavailable`
 * with nothing held.
 */
describe('checkout with promotion codes and tax', () => {
  let t: TestApp;
  let shop: Shop;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = new SmtpTestServer();
    const url = await smtp.start();
    t = await createTestApp({
      env: {
        OUTBOX_POLL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '50',
        OUTBOX_RETRY_MAX_MS: '200',
        TAX_DEFAULT_COUNTRY: 'DE',
        SMTP_URL: url,
        DATABASE_POOL_SIZE: '20',
        // 50 shoppers sign up and log in from one address.
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
      },
    });
    shop = new Shop(t.app);
    const rules = await shop.request('POST', '/tax/countries', shop.admin(), {
      country: 'DE',
      rates: { standard: 190_000 },
      shippingCategory: 'standard',
    });
    expect(rules.status).toBe(201);
    shop.shippingMethodId = await shop.createShippingMethod([{ kind: 'flat', price: eur(490) }], ['DE'], 'Standard');
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const createPromotion = async (definition: Json): Promise<Json> => {
    const created = await shop.request('POST', '/promotions', shop.admin(), definition);
    if (created.status !== 201)
      throw new Error(`promotions answered ${created.status}: ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const redeemedCount = async (id: string): Promise<number> =>
    (await shop.request('GET', `/promotions/${id}`, shop.admin())).body.redeemed;
  const applyCode = async (auth: Json, cartId: string, code: string): Promise<Json> => {
    const applied = await shop.request('POST', `/carts/${cartId}/promotions`, auth, { code });
    if (applied.status !== 201 && applied.status !== 200) {
      throw new Error(`applying ${code} answered ${applied.status}: ${JSON.stringify(applied.body)}`);
    }
    return applied.body;
  };
  const place = (auth: Json, cartId: string, extra: Json = {}, token = 'tok_visa') =>
    shop.request(
      'POST',
      '/orders',
      { ...auth, 'idempotency-key': randomUUID() },
      {
        cartId,
        shippingAddress: {
          name: 'Ada Lovelace',
          line1: '1 Analytical Way',
          city: 'Berlin',
          postalCode: '10115',
          country: 'DE',
        },
        payment: { provider: 'sandbox', token },
        ...extra,
      },
    );
  const payment = async (auth: Json, orderId: string, status: string): Promise<Json> => {
    let found: Json = {};
    await shop.eventually(async () => {
      found = (await shop.request('GET', `/payments?orderId=${orderId}`, auth)).body.items?.[0] ?? {};
      return found.status === status;
    }, `payment ${status}`);
    return found;
  };
  /** The breakdown's rule on the whole and on every part (ADR 0107). */
  const expectAddsUp = (order: Json) => {
    const { totals } = order;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(totals.total.amount).toBe(
      totals.subtotal.amount -
        totals.discountTotal.amount +
        totals.shippingTotal.amount +
        (totals.taxIncluded ? 0 : totals.taxTotal.amount),
    );
    const parts = [...order.lines, ...(order.shippingPricing ? [order.shippingPricing] : [])];
    expect(sum(parts.map((p: Json) => p.total.amount))).toBe(totals.total.amount);
    expect(sum(parts.map((p: Json) => p.discount.amount))).toBe(totals.discountTotal.amount);
    expect(sum(parts.map((p: Json) => p.tax.amount))).toBe(totals.taxTotal.amount);
  };

  it('journey: cart → code → checkout → confirmed; the order copies the breakdown, the capture equals its total, the email shows it', async () => {
    const promotion = await createPromotion({ code: 'TENOFF', benefit: { type: 'percentage', ratePpm: 100_000 } });
    const { productId, variantId } = await shop.createProduct(10, 2000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    await applyCode(customer.auth, cartId, 'tenoff');
    const cart = (await shop.request('GET', `/carts/${cartId}`, customer.auth)).body;
    // 2 × 20.00 − 10 % = 36.00 + 19 % = 6.84; shipping 4.90 + 19 % = 0.93 → 48.67.
    expect(cart.totals).toMatchObject({
      subtotal: eur(4000),
      discountTotal: eur(400),
      shippingTotal: eur(490),
      taxTotal: eur(777),
      total: eur(4867),
      taxIncluded: false,
    });

    const placed = await place(customer.auth, cartId, { expectedTotal: cart.totals.total.amount });
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({
      status: 'confirmed',
      totals: {
        subtotal: eur(4000),
        discountTotal: eur(400),
        shippingTotal: eur(490),
        taxTotal: eur(777),
        total: eur(4867),
        taxIncluded: false,
      },
      promotionCodes: ['TENOFF'],
      promotions: [{ promotionId: promotion.id, code: 'TENOFF', benefit: 'percentage', amount: eur(400) }],
      taxCountry: 'DE',
      lines: [
        {
          lineNo: 1,
          lineTotal: eur(4000),
          discount: eur(400),
          tax: eur(684),
          taxRatePpm: 190_000,
          total: eur(4284),
          byPromotion: [{ promotionId: promotion.id, code: 'TENOFF', amount: eur(400) }],
        },
      ],
      shippingPricing: { amount: eur(490), discount: eur(0), tax: eur(93), total: eur(583) },
    });
    expectAddsUp(order);
    expect(order.timeline.map((e: Json) => e.status)).toEqual(
      expect.arrayContaining(['pending', 'promotion_redeemed', 'stock_reserved', 'confirmed']),
    );
    const paid = await payment(customer.auth, order.id, 'captured');
    expect(paid).toMatchObject({ amount: eur(4867), capturedAmount: eur(4867) });
    expect(await redeemedCount(promotion.id)).toBe(1);
    expect(await shop.available(productId)).toBe(8);

    const mail = decodeMail((await smtp.waitFor(customer.email, (raw) => decodeMail(raw).includes('TENOFF'))).raw);
    // The text part, line by line (the currency sign's bytes aside).
    for (const row of [
      /Subtotal: \S*40\.00/,
      /Discount \(TENOFF\): \S*4\.00/,
      /Shipping: \S*4\.90/,
      /Tax: \S*7\.77/,
      /Total: \S*48\.67/,
    ]) {
      expect(mail).toMatch(row);
    }
  });

  it('redeems a category-scoped code at checkout as the cart priced it (the line in the category only)', async () => {
    const books = (await shop.request('POST', '/catalog/categories', shop.admin(), { name: `Books ${randomUUID()}` }))
      .body;
    const novel = await shop.request('POST', '/catalog/products', shop.admin(), {
      title: 'A Novel',
      description: 'Paper.',
      categoryIds: [books.id],
      variants: [{ sku: `NOVEL-${randomUUID().slice(0, 8)}`, title: 'Paperback', price: eur(1000), stock: 10 }],
    });
    expect(novel.status).toBe(201);
    const other = await shop.createProduct(10, 2000);
    const promotion = await createPromotion({
      code: 'BOOKS20',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      conditions: { scope: { productIds: [], categoryIds: [books.id] } },
    });
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [
      { variantId: novel.body.variants[0].id, quantity: 1 },
      { variantId: other.variantId, quantity: 1 },
    ]);
    await applyCode(customer.auth, cartId, 'BOOKS20');
    const placed = await place(customer.auth, cartId);
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'confirmed', totals: { discountTotal: eur(200) } });
    expect(order.lines.map((l: Json) => l.discount.amount)).toEqual([200, 0]);
    expect(await redeemedCount(promotion.id)).toBe(1);
  });

  it('refuses an expectedTotal the order would not total (409 total-changed), placing nothing', async () => {
    const { productId, variantId } = await shop.createProduct(5, 1000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const refused = await place(customer.auth, cartId, { expectedTotal: 1 });
    expect(refused.status).toBe(409);
    // 10.00 + 4.90, 19 % on both: 1.90 + 0.93.
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/total-changed$/),
      expectedTotal: eur(1),
      total: eur(1773),
    });
    expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
    expect(await shop.available(productId)).toBe(5);
    const bad = await place(customer.auth, cartId, { expectedTotal: -5 });
    expect(bad.status).toBe(400);
    // null is not a total: a 400, not a 409 that reports `expectedTotal: null`.
    const nothing = await place(customer.auth, cartId, { expectedTotal: null });
    expect(nothing.status).toBe(400);
    expect(nothing.body.type).toMatch(/validation$/);
  });

  it('charges shipping and its tax when a 100 % code takes the lines; refuses an order that would total 0 (409 total-zero), holding and counting nothing', async () => {
    const all = await createPromotion({
      code: 'ALLOFF',
      benefit: { type: 'percentage', ratePpm: 1_000_000 },
      combinable: true,
    });
    await createPromotion({ code: 'SHIPOFF', benefit: { type: 'free-shipping' }, combinable: true });
    const { productId, variantId } = await shop.createProduct(5, 1000);

    const paying = await shop.signUp();
    const payingCart = await shop.cartWith(paying.auth, [{ variantId, quantity: 1 }]);
    await applyCode(paying.auth, payingCart, 'ALLOFF');
    const placed = await place(paying.auth, payingCart);
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(paying.auth, placed.body.id, ['confirmed', 'cancelled']);
    // 10.00 − 10.00 on the line; shipping 4.90 + 19 % = 0.93.
    expect(order).toMatchObject({ status: 'confirmed', totals: { discountTotal: eur(1000), total: eur(583) } });
    expectAddsUp(order);
    expect((await payment(paying.auth, order.id, 'captured')).amount).toEqual(eur(583));

    const free = await shop.signUp();
    const freeCart = await shop.cartWith(free.auth, [{ variantId, quantity: 1 }]);
    await applyCode(free.auth, freeCart, 'ALLOFF');
    await applyCode(free.auth, freeCart, 'SHIPOFF');
    const refused = await place(free.auth, freeCart);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/total-zero$/);
    expect((await shop.request('GET', '/orders', free.auth)).body.items).toEqual([]);
    expect(await shop.available(productId)).toBe(4);
    expect(await redeemedCount(all.id)).toBe(1);
  });

  it('refuses a code that expired since it was applied with its type (409 promotion-expired), holding nothing', async () => {
    const promotion = await createPromotion({
      code: 'SOONGONE',
      benefit: { type: 'fixed-amount', amounts: { EUR: 300 } },
    });
    const { productId, variantId } = await shop.createProduct(5, 1500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    await applyCode(customer.auth, cartId, 'SOONGONE');
    const ended = await shop.request('PATCH', `/promotions/${promotion.id}`, shop.admin(), {
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(ended.status).toBe(200);
    const refused = await place(customer.auth, cartId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/promotion-expired$/),
      code: 'SOONGONE',
      promotionId: promotion.id,
    });
    expect((await shop.request('GET', '/orders', customer.auth)).body.items).toEqual([]);
    expect(await shop.available(productId)).toBe(5);
    expect(await redeemedCount(promotion.id)).toBe(0);
  });

  it('50 customers racing for a code with 5 uses: exactly 5 orders carry it; the others are refused or cancelled promotion_unavailable with nothing held', async () => {
    const promotion = await createPromotion({
      code: 'FIVEUSES',
      benefit: { type: 'percentage', ratePpm: 200_000 },
      limits: { totalRedemptions: 5 },
    });
    const { productId, variantId } = await shop.createProduct(100, 1000);
    const customers = await Promise.all(Array.from({ length: 50 }, () => shop.signUp()));
    const carts = await Promise.all(
      customers.map(async (c) => {
        const cartId = await shop.cartWith(c.auth, [{ variantId, quantity: 1 }]);
        await applyCode(c.auth, cartId, 'FIVEUSES');
        return cartId;
      }),
    );

    const answers = await Promise.all(customers.map((c, i) => place(c.auth, carts[i])));
    const placed = answers.flatMap((a, i) =>
      a.status === 202 ? [{ id: a.body.id as string, auth: customers[i].auth }] : [],
    );
    for (const refused of answers.filter((a) => a.status !== 202)) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: expect.stringMatching(/promotion-exhausted$/), code: 'FIVEUSES' });
    }
    const orders = await Promise.all(placed.map((p) => shop.orderUntil(p.auth, p.id, ['confirmed', 'cancelled'])));
    const confirmed = orders.filter((o) => o.status === 'confirmed');
    const cancelled = orders.filter((o) => o.status === 'cancelled');
    expect(confirmed).toHaveLength(5);
    for (const o of confirmed) expect(o.promotionCodes).toEqual(['FIVEUSES']);
    for (const o of cancelled) {
      expect(o.cancelReason).toBe('promotion_unavailable');
      // Nothing was held for it: the stock step never ran, no payment exists.
      expect(o.timeline.map((e: Json) => e.status)).not.toContain('stock_reserved');
      const auth = placed.find((p) => p.id === o.id)!.auth;
      const payments = await shop.request('GET', `/payments?orderId=${o.id}`, auth);
      expect(payments.status === 404 || payments.body.items?.length === 0).toBe(true);
    }
    expect(await redeemedCount(promotion.id)).toBe(5);
    await shop.eventually(async () => (await shop.available(productId)) === 95, 'exactly 5 units sold');
  });

  it('a customer whose per-customer use is spent is refused the code (typed 409) for the next order', async () => {
    await createPromotion({ code: 'ONCEEACH', benefit: { type: 'free-shipping' }, limits: { perCustomer: 1 } });
    const { variantId } = await shop.createProduct(10, 1200);
    const customer = await shop.signUp();
    const first = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    await applyCode(customer.auth, first, 'ONCEEACH');
    const placed = await place(customer.auth, first);
    expect(placed.status).toBe(202);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    expect(order).toMatchObject({ status: 'confirmed', totals: { discountTotal: eur(490) } });
    await shop.eventually(
      async () => (await shop.request('GET', `/carts/${first}`, customer.auth)).status === 404,
      'the first cart cleared',
    );

    const second = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const applied = await shop.request('POST', `/carts/${second}/promotions`, customer.auth, { code: 'ONCEEACH' });
    expect(applied.status).toBe(409);
    expect(applied.body).toMatchObject({ type: expect.stringMatching(/promotion-exhausted$/), limit: 'per-customer' });
  });

  it('gives the redemption back when the order is cancelled, and when a confirmed order is refunded in full', async () => {
    const promotion = await createPromotion({
      code: 'GIVEBACK',
      benefit: { type: 'fixed-amount', amounts: { EUR: 500 } },
    });
    const { variantId } = await shop.createProduct(10, 3000);

    // Declined payment: cancelled after the redemption → released.
    const declined = await shop.signUp();
    const declinedCart = await shop.cartWith(declined.auth, [{ variantId, quantity: 1 }]);
    await applyCode(declined.auth, declinedCart, 'GIVEBACK');
    const d = await place(declined.auth, declinedCart, {}, 'tok_chargeDeclined');
    const declinedOrder = await shop.orderUntil(declined.auth, d.body.id, ['confirmed', 'cancelled']);
    expect(declinedOrder).toMatchObject({ status: 'cancelled', cancelReason: 'payment_declined' });
    await shop.eventually(async () => (await redeemedCount(promotion.id)) === 0, 'released after the decline');

    // Customer cancels a confirmed order → refunded, released.
    const canceller = await shop.signUp();
    const cancelCart = await shop.cartWith(canceller.auth, [{ variantId, quantity: 1 }]);
    await applyCode(canceller.auth, cancelCart, 'GIVEBACK');
    const c = await place(canceller.auth, cancelCart);
    await shop.orderUntil(canceller.auth, c.body.id, ['confirmed']);
    await payment(canceller.auth, c.body.id, 'captured');
    expect(await redeemedCount(promotion.id)).toBe(1);
    const cancel = await shop.request('POST', `/orders/${c.body.id}/cancel`, canceller.auth);
    expect(cancel.status).toBe(202);
    await shop.eventually(async () => (await redeemedCount(promotion.id)) === 0, 'released after the cancel');

    // An admin refunds a confirmed order's lines in full → released, the order stays confirmed.
    const refunded = await shop.signUp();
    const refundCart = await shop.cartWith(refunded.auth, [{ variantId, quantity: 1 }]);
    await applyCode(refunded.auth, refundCart, 'GIVEBACK');
    const r = await place(refunded.auth, refundCart);
    const order = await shop.orderUntil(refunded.auth, r.body.id, ['confirmed']);
    await payment(refunded.auth, order.id, 'captured');
    expect(await redeemedCount(promotion.id)).toBe(1);
    const paidBack = await shop.request(
      'POST',
      `/payments/${(await payment(refunded.auth, order.id, 'captured')).id}/refund`,
      shop.admin(),
      {},
    );
    expect(paidBack.status).toBeLessThan(300);
    await shop.eventually(async () => (await redeemedCount(promotion.id)) === 0, 'released after the full refund');
  });

  it('refunds part of an order at what the lines paid (after the discount, with their tax)', async () => {
    await createPromotion({ code: 'THIRDS', benefit: { type: 'fixed-amount', amounts: { EUR: 500 } } });
    const { variantId } = await shop.createProduct(10, 1000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 3 }]);
    await applyCode(customer.auth, cartId, 'THIRDS');
    const placed = await place(customer.auth, cartId);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    await shop.eventually(async () => {
      const timeline = (await shop.request('GET', `/orders/${order.id}`, customer.auth)).body.timeline as Json[];
      return timeline.some((e) => e.status === 'payment_captured');
    }, 'the order knows its payment captured');
    // 3 × 10.00 − 5.00 = 25.00 net, 4.75 tax: per unit 8.33 + 1.58; the last unit takes the remainders.
    expect(order.lines[0]).toMatchObject({ discount: eur(500), tax: eur(475), total: eur(2975) });

    const one = await shop.request('POST', `/orders/${order.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(one.status).toBe(202);
    expect(one.body).toMatchObject({
      total: eur(991),
      tax: eur(158),
      lines: [{ lineNo: 1, units: 1, discount: eur(166) }],
    });
    const rest = await shop.request('POST', `/orders/${order.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 2 }],
    });
    expect(rest.body.total).toEqual(eur(2975 - 991));
    const tooMany = await shop.request('POST', `/orders/${order.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.type).toMatch(/refund-exceeds-quantity$/);
    const notYours = await shop.request('POST', `/orders/${order.id}/refunds`, customer.auth, {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(notYours.status).toBe(403);

    await shop.eventually(async () => {
      const timeline = (await shop.request('GET', `/orders/${order.id}`, customer.auth)).body.timeline as Json[];
      return timeline.filter((e) => e.status === 'payment_refunded').length === 2;
    }, 'two refunds paid');
    const refunds = (await shop.request('GET', `/orders/${order.id}`, customer.auth)).body.timeline.filter(
      (e: Json) => e.status === 'payment_refunded',
    );
    expect(refunds.map((e: Json) => e.amount)).toEqual([eur(991), eur(1984)]);
  });

  it('gives the redemption back once every line is refunded, though shipping is not refunded by lines', async () => {
    const promotion = await createPromotion({
      code: 'RETURNED',
      benefit: { type: 'fixed-amount', amounts: { EUR: 300 } },
    });
    const { variantId } = await shop.createProduct(10, 1000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    await applyCode(customer.auth, cartId, 'RETURNED');
    const placed = await place(customer.auth, cartId);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    expect(order.totals.shippingTotal.amount).toBeGreaterThan(0);
    await payment(customer.auth, order.id, 'captured');
    await shop.eventually(async () => {
      const timeline = (await shop.request('GET', `/orders/${order.id}`, customer.auth)).body.timeline as Json[];
      return timeline.some((e) => e.status === 'payment_captured');
    }, 'the order knows its payment captured');
    expect(await redeemedCount(promotion.id)).toBe(1);

    const first = await shop.request('POST', `/orders/${order.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(first.status).toBe(202);
    // A partial refund keeps the redemption.
    await payment(customer.auth, order.id, 'partially_refunded');
    expect(await redeemedCount(promotion.id)).toBe(1);
    const rest = await shop.request('POST', `/orders/${order.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(rest.status).toBe(202);
    expect(first.body.total.amount + rest.body.total.amount).toBe(order.lines[0].total.amount);
    await shop.eventually(async () => (await redeemedCount(promotion.id)) === 0, 'released after every line came back');
    expect((await shop.request('GET', `/orders/${order.id}`, customer.auth)).body.status).toBe('confirmed');
  });

  it('refuses to refund lines of an order cancelled after its capture (409 order-not-refundable): the cancellation refunded it all', async () => {
    const { variantId } = await shop.createProduct(5, 1000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const placed = await place(customer.auth, cartId);
    await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    await payment(customer.auth, placed.body.id, 'captured');
    await shop.eventually(async () => {
      const timeline = (await shop.request('GET', `/orders/${placed.body.id}`, customer.auth)).body.timeline as Json[];
      return timeline.some((e) => e.status === 'payment_captured');
    }, 'the order knows its payment captured');
    expect((await shop.request('POST', `/orders/${placed.body.id}/cancel`, customer.auth)).status).toBe(202);
    await shop.orderUntil(customer.auth, placed.body.id, ['cancelled']);

    const refused = await shop.request('POST', `/orders/${placed.body.id}/refunds`, shop.admin(), {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/order-not-refundable$/);
    const order = (await shop.request('GET', `/orders/${placed.body.id}`, customer.auth)).body;
    expect(order.lines[0].refundedUnits).toBe(0);
    expect(order.timeline.map((e: Json) => e.status)).not.toContain('refund_requested');
  });
});
