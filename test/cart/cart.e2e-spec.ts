import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ModuleDataSources } from '../../src/platform/database';
import { MessageBus, MessageEnvelope } from '../../src/platform/messaging/testing';
import { CartCheckedOut, CartItemAdded, ClearCart, GetCartForCheckout } from '../../src/modules/cart';
import { ProductUpdated } from '../../src/modules/catalog';
import { GuestCartSweeper } from '../../src/modules/cart/application/expire-guest-carts/guest-cart.sweeper';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { CartBody, createProduct, CreatedProduct, eventually } from './support';

describe('cart (with the real catalog in the same process)', () => {
  let s: Scenario;
  let app: NestFastifyApplication;
  let tee: CreatedProduct; // 1999 EUR, 5 in stock; second variant 2500 EUR, 50 in stock
  const cartDb = (): DataSource => app.get(ModuleDataSources).get('cart')!;

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog', 'cart'], env: { CART_PRICE_MAX_AGE_SECONDS: '300' } });
    app = s.app;
    tee = await createProduct(app, [
      { price: 1999, stock: 5 },
      { price: 2500, stock: 50 },
    ]);
  });
  afterAll(() => s.close());

  const newCart = async (headers: Record<string, string> = {}): Promise<CartBody> => {
    // Every caller here is a guest or a customer without an open cart: a new cart, 201.
    const res = await app.inject({ method: 'POST', url: '/carts', headers });
    expect(res.statusCode).toBe(201);
    return res.json<CartBody>();
  };
  const add = (cartId: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/carts/${cartId}/items`, payload: payload as object, headers });
  const read = (cartId: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/carts/${cartId}`, headers });

  /**
   * The totals breakdown with no shipping method, discounts or tax: total = subtotal. Promotions and
   * tax are not hosted here, so the cart is priced without them (test/cart/cart-promotions has them).
   */
  const breakdown = (subtotal: number, itemCount: number) => {
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    return {
      taxIncluded: false,
      subtotal: eur(subtotal),
      discountTotal: eur(0),
      shippingTotal: eur(0),
      taxTotal: eur(0),
      total: eur(subtotal),
      itemCount,
      taxCountry: null,
    };
  };

  it('lets a guest open a cart, add, merge, change and remove lines, with totals from the server', async () => {
    const created = await app.inject({ method: 'POST', url: '/carts' });
    expect(created.statusCode).toBe(201);
    const cart = created.json<CartBody>();
    expect(cart).toEqual({
      id: expect.any(String),
      customerId: null,
      items: [],
      shippingMethod: null,
      promotionCodes: [],
      promotions: [],
      refusedPromotions: [],
      promotionsLeftOut: [],
      totals: breakdown(0, 0),
      // An empty cart asks no promotions; tax is not in this process.
      pricingIncomplete: true,
      pricingUnavailable: ['tax'],
    });

    const first = await add(cart.id, { variantId: tee.variants[0].id, quantity: 2 });
    expect(first.statusCode).toBe(201);
    await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 });
    const merged = (await add(cart.id, { variantId: tee.variants[0].id, quantity: 1 })).json<CartBody>();
    expect(merged.items).toHaveLength(2);
    expect(merged.items[0]).toMatchObject({
      variantId: tee.variants[0].id,
      productId: tee.id,
      sku: tee.variants[0].sku,
      quantity: 3,
      unitPrice: { amount: 1999, currency: 'EUR' },
      lineTotal: { amount: 5997, currency: 'EUR' },
      priceChanged: false,
    });
    expect(merged.totals).toEqual(breakdown(5997 + 2500, 4));

    const lineId = merged.items[1].id;
    const changed = await app.inject({
      method: 'PATCH',
      url: `/carts/${cart.id}/items/${lineId}`,
      payload: { quantity: 4 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<CartBody>().totals).toEqual(breakdown(5997 + 10000, 7));

    const removed = await app.inject({ method: 'DELETE', url: `/carts/${cart.id}/items/${lineId}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<CartBody>().items.map((i) => i.variantId)).toEqual([tee.variants[0].id]);
    expect((await read(cart.id)).json<CartBody>().totals.itemCount).toBe(3);
  });

  it('refuses more than is available with 409 and the available count, leaving the cart as it was', async () => {
    const cart = await newCart();
    await add(cart.id, { variantId: tee.variants[0].id, quantity: 4 });
    const res = await add(cart.id, { variantId: tee.variants[0].id, quantity: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, available: 5 });
    const line = (await read(cart.id)).json<CartBody>().items[0];
    expect(line.quantity).toBe(4);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/carts/${cart.id}/items/${line.id}`,
      payload: { quantity: 6 },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json()).toMatchObject({ available: 5 });
  });

  it.each([-1, 0, 0.5, 1e9, '1', null, 100])('rejects quantity %p with 400 and changes nothing', async (quantity) => {
    const cart = await newCart();
    const ok = (await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 })).json<CartBody>();
    const res = await add(cart.id, { variantId: tee.variants[1].id, quantity });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: 'quantity' })]),
    });
    const patch = await app.inject({
      method: 'PATCH',
      url: `/carts/${cart.id}/items/${ok.items[0].id}`,
      payload: { quantity },
    });
    expect(patch.statusCode).toBe(400);
    expect((await read(cart.id)).json<CartBody>()).toEqual(ok);
  });

  it('rejects a price or total sent by the client as an unknown field, and never uses it', async () => {
    const cart = await newCart();
    for (const extra of [
      { unitPrice: { amount: 1, currency: 'EUR' } },
      { price: 1 },
      { lineTotal: { amount: 1, currency: 'EUR' } },
      { totals: { subtotal: { amount: 1, currency: 'EUR' }, itemCount: 1 } },
    ]) {
      const res = await add(cart.id, { variantId: tee.variants[1].id, quantity: 1, ...extra });
      expect(res.statusCode).toBe(400);
    }
    expect((await app.inject({ method: 'POST', url: '/carts', payload: { customerId: uuidv7() } })).statusCode).toBe(
      400,
    );
    expect((await read(cart.id)).json<CartBody>().items).toEqual([]);
  });

  it('answers 404 for an unknown cart, an unknown variant and an unknown line', async () => {
    const cart = await newCart();
    expect((await read(uuidv7())).statusCode).toBe(404);
    expect((await add(cart.id, { variantId: uuidv7(), quantity: 1 })).statusCode).toBe(404);
    const del = await app.inject({ method: 'DELETE', url: `/carts/${cart.id}/items/${uuidv7()}` });
    expect(del.statusCode).toBe(404);
  });

  it('refuses a draft product (409) and a second currency (409)', async () => {
    const draft = await createProduct(app, [{ price: 100, stock: 10 }], 'draft');
    const dollars = await createProduct(app, [{ price: 100, stock: 10, currency: 'USD' }]);
    const cart = await newCart();
    expect((await add(cart.id, { variantId: draft.variants[0].id, quantity: 1 })).json()).toMatchObject({
      status: 409,
      type: expect.stringContaining('not-purchasable'),
    });
    await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 });
    expect((await add(cart.id, { variantId: dollars.variants[0].id, quantity: 1 })).json()).toMatchObject({
      status: 409,
      type: expect.stringContaining('currency-mismatch'),
    });
  });

  it('holds at most 100 lines (400 beyond) and at most 99 units per line', async () => {
    const many = await createProduct(
      app,
      Array.from({ length: 100 }, () => ({ price: 10, stock: 200 })),
    );
    const cart = await newCart();
    for (const v of many.variants) expect((await add(cart.id, { variantId: v.id, quantity: 1 })).statusCode).toBe(201);
    const over = await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 });
    expect(over.statusCode).toBe(400);
    expect((await read(cart.id)).json<CartBody>().items).toHaveLength(100);
    await add(cart.id, { variantId: many.variants[0].id, quantity: 98 });
    expect((await add(cart.id, { variantId: many.variants[0].id, quantity: 1 })).statusCode).toBe(400);
  });

  it('binds a cart to a signed-in customer; POST /carts again answers that cart (200); nobody else sees it (404)', async () => {
    const me = bearer(app);
    const other = bearer(app);
    const created = await app.inject({ method: 'POST', url: '/carts', headers: me });
    expect(created.statusCode).toBe(201);
    const cart = created.json<CartBody>();
    expect(cart.customerId).toEqual(expect.any(String));
    const again = await app.inject({ method: 'POST', url: '/carts', headers: me });
    expect(again.statusCode).toBe(200);
    expect(again.json<CartBody>().id).toBe(cart.id);

    const line = (await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 }, me)).json<CartBody>().items[0];
    expect((await read(cart.id)).statusCode).toBe(404);
    expect((await read(cart.id, other)).statusCode).toBe(404);
    expect((await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 }, other)).statusCode).toBe(404);
    expect((await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 })).statusCode).toBe(404);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/carts/${cart.id}/items/${line.id}`,
      payload: { quantity: 2 },
      headers: other,
    });
    expect(patch.statusCode).toBe(404);
    const del = await app.inject({ method: 'DELETE', url: `/carts/${cart.id}/items/${line.id}`, headers: other });
    expect(del.statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/carts/${cart.id}/claim`, headers: other })).statusCode).toBe(404);
    expect((await read(cart.id, me)).json<CartBody>().items).toEqual([expect.objectContaining({ quantity: 1 })]);
  });

  it("merges a claimed guest cart into the caller's cart (capped by availability) and retires it", async () => {
    const me = bearer(app);
    const mine = await newCart(me);
    await add(mine.id, { variantId: tee.variants[0].id, quantity: 3 }, me);
    await add(mine.id, { variantId: tee.variants[1].id, quantity: 1 }, me);
    const guest = await newCart();
    await add(guest.id, { variantId: tee.variants[0].id, quantity: 4 });
    await add(guest.id, { variantId: tee.variants[1].id, quantity: 2 });

    expect((await app.inject({ method: 'POST', url: `/carts/${guest.id}/claim` })).statusCode).toBe(401);
    const claimed = await app.inject({ method: 'POST', url: `/carts/${guest.id}/claim`, headers: me });
    expect(claimed.statusCode).toBe(200);
    const body = claimed.json<CartBody>();
    expect(body.id).toBe(mine.id);
    expect(body.items.map((i) => [i.variantId, i.quantity])).toEqual([
      [tee.variants[0].id, 5], // 3 + 4, but only 5 available
      [tee.variants[1].id, 3],
    ]);
    expect((await read(guest.id)).statusCode).toBe(404);
    expect((await read(guest.id, me)).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/carts/${guest.id}/claim`, headers: bearer(app) })).statusCode,
    ).toBe(404);
  });

  it('gives a guest cart to a customer who has none', async () => {
    const me = bearer(app);
    const guest = await newCart();
    await add(guest.id, { variantId: tee.variants[1].id, quantity: 2 });
    const claimed = (
      await app.inject({ method: 'POST', url: `/carts/${guest.id}/claim`, headers: me })
    ).json<CartBody>();
    expect(claimed.customerId).toEqual(expect.any(String));
    expect(claimed.items).toEqual([expect.objectContaining({ variantId: tee.variants[1].id, quantity: 2 })]);
    const again = await app.inject({ method: 'POST', url: '/carts', headers: me });
    expect(again.statusCode).toBe(200);
    expect(again.json<CartBody>().id).toBe(claimed.id);
  });

  it('takes a catalog price change (ProductUpdated, through the inbox) and flags the line', async () => {
    const product = await createProduct(app, [{ price: 1000, stock: 10 }]);
    const cart = await newCart();
    await add(cart.id, { variantId: product.variants[0].id, quantity: 2 });
    const edit = await app.inject({
      method: 'PATCH',
      url: `/catalog/products/${product.id}`,
      headers: bearer(app, ['admin']),
      payload: { variants: [{ id: product.variants[0].id, price: { amount: 1250, currency: 'EUR' } }] },
    });
    expect(edit.statusCode).toBe(200);
    await s.waitForEvent(ProductUpdated, (e) => e.payload.productId === product.id);
    const updated = await eventually(
      async () => (await read(cart.id)).json<CartBody>(),
      (c) => c.items[0].unitPrice.amount === 1250,
    );
    expect(updated.items[0]).toMatchObject({
      priceChanged: true,
      previousUnitPrice: { amount: 1000, currency: 'EUR' },
      lineTotal: { amount: 2500, currency: 'EUR' },
    });
    expect(updated.totals.subtotal.amount).toBe(2500);
    // Acting on the line means the customer saw the new price.
    const patched = await app.inject({
      method: 'PATCH',
      url: `/carts/${cart.id}/items/${updated.items[0].id}`,
      payload: { quantity: 3 },
    });
    expect(patched.json<CartBody>().items[0]).toMatchObject({ priceChanged: false, quantity: 3 });
  });

  it('refreshes a snapshot older than CART_PRICE_MAX_AGE_SECONDS when the cart is read, and not a fresh one', async () => {
    const cart = await newCart();
    await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 });
    await cartDb().query(`UPDATE cart.cart_lines SET unit_price_amount = 1 WHERE cart_id = $1`, [cart.id]);
    expect((await read(cart.id)).json<CartBody>().items[0].unitPrice.amount).toBe(1);
    await cartDb().query(
      `UPDATE cart.cart_lines SET price_checked_at = now() - interval '301 seconds' WHERE cart_id = $1`,
      [cart.id],
    );
    expect((await read(cart.id)).json<CartBody>().items[0].unitPrice.amount).toBe(2500);
  });

  it('expires an abandoned guest cart after GUEST_CART_TTL_HOURS, and the sweeper deletes it', async () => {
    const cart = await newCart();
    const kept = await newCart();
    await cartDb().query(`UPDATE cart.carts SET updated_at = now() - interval '169 hours' WHERE id = $1`, [cart.id]);
    expect((await read(cart.id)).statusCode).toBe(404);
    expect(await app.get(GuestCartSweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect(await cartDb().query(`SELECT id FROM cart.carts WHERE id = $1`, [cart.id])).toEqual([]);
    expect((await read(kept.id)).statusCode).toBe(200);
  });

  it('publishes CartItemAdded with the product id', async () => {
    const cart = await newCart();
    await add(cart.id, { variantId: tee.variants[1].id, quantity: 2 });
    const event = await s.waitForEvent(CartItemAdded, (e) => e.payload.cartId === cart.id);
    expect(event.payload).toEqual({
      cartId: cart.id,
      customerId: null,
      variantId: tee.variants[1].id,
      productId: tee.id,
      quantity: 2,
    });
  });

  it("answers GetCartForCheckout only for the cart's customer, and ClearCart empties it once per order", async () => {
    const customerId = uuidv7();
    const me = bearer(app, ['customer'], customerId);
    const cart = await newCart(me);
    await add(cart.id, { variantId: tee.variants[1].id, quantity: 2 }, me);
    const bus = app.get(MessageBus);

    expect(await bus.query(new GetCartForCheckout(cart.id, customerId))).toEqual({
      cartId: cart.id,
      customerId,
      lines: [
        {
          variantId: tee.variants[1].id,
          productId: tee.id,
          sku: tee.variants[1].sku,
          title: expect.any(String),
          quantity: 2,
          acceptedUnitPrice: { amount: 2500, currency: 'EUR' },
        },
      ],
      subtotal: { amount: 5000, currency: 'EUR' },
      promotionCodes: [],
      // No pricing: promotions and tax are not in this process (checkout then refuses with 503).
    });
    expect(await bus.query(new GetCartForCheckout(cart.id, uuidv7()))).toBeNull();
    expect(await bus.query(new GetCartForCheckout(uuidv7(), customerId))).toBeNull();
    const guest = await newCart();
    expect(await bus.query(new GetCartForCheckout(guest.id, customerId))).toBeNull();

    const orderId = uuidv7();
    await bus.execute(new ClearCart(cart.id, orderId));
    await bus.execute(new ClearCart(cart.id, orderId));
    await bus.execute(new ClearCart(uuidv7(), uuidv7())); // a missing cart is not an error
    await s.waitForEvent(CartCheckedOut, (e) => e.payload.orderId === orderId);
    await s.flush();
    expect(s.events(CartCheckedOut).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    expect(await bus.query(new GetCartForCheckout(cart.id, customerId))).toBeNull();
    expect((await read(cart.id, me)).statusCode).toBe(404);
    const next = await app.inject({ method: 'POST', url: '/carts', headers: me });
    expect(next.statusCode).toBe(201);
    expect(next.json<CartBody>().id).not.toBe(cart.id);
  });

  it('reaches catalog, promotions and tax only through their queries on the bus, never their tables', async () => {
    const bus = app.get(MessageBus);
    const sent: string[] = [];
    const original = bus.send.bind(bus);
    const spy = jest.spyOn(bus, 'send').mockImplementation((envelope: MessageEnvelope) => {
      sent.push(envelope.type);
      return original(envelope);
    });
    try {
      const cart = await newCart();
      expect((await add(cart.id, { variantId: tee.variants[1].id, quantity: 1 })).statusCode).toBe(201);
    } finally {
      spy.mockRestore();
    }
    // Opening prices the empty cart (tax only); adding asks catalog, then prices through promotions and tax.
    expect(sent).toEqual([
      'tax.ComputeTax',
      'catalog.GetVariantSnapshots',
      'promotions.EvaluatePromotions',
      'tax.ComputeTax',
    ]);
    await expect(cartDb().query('SELECT count(*) FROM catalog.variants')).rejects.toThrow(/permission denied/);
  });
});
