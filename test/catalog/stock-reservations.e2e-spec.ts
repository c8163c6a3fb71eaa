import { v7 as uuidv7 } from 'uuid';
import {
  CommitStock,
  GetVariantSnapshots,
  ReleaseStock,
  RestockOrder,
  ReserveStock,
  StockAvailabilityChanged,
  StockCommitted,
  StockLevelLow,
  StockReleased,
  StockReservationRejected,
  StockReserved,
} from '../../src/modules/catalog';
import { ReservationExpirySweeper } from '../../src/modules/catalog/application/expire-reservations/reservation-expiry.sweeper';
import { ModuleDataSources } from '../../src/platform/database';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { createProduct } from './catalog-fixtures';

describe('catalog stock reservations', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog'],
      env: { CATALOG_LOW_STOCK_THRESHOLD: '2', CATALOG_RESERVATION_SWEEP_MS: '0', DATABASE_POOL_SIZE: '10' },
    });
  });
  afterAll(() => s.close());

  const snapshot = async (variantId: string) => (await s.bus.query(new GetVariantSnapshots([variantId]))).items[0];
  /** The fixture's price, at which the lines below are reserved. */
  const unitPrice = { amount: 1000, currency: 'EUR' };
  const reserve = (variantId: string, quantity = 1, orderId = uuidv7()) =>
    s.bus.execute(new ReserveStock(orderId, [{ variantId, quantity, unitPrice }]));

  it('lets exactly K of N concurrent buyers reserve the last K units, every time', async () => {
    for (let round = 0; round < 8; round += 1) {
      const product = await createProduct(s.app, { stock: 5 });
      const variantId = product.variants[0].id;
      const results = await Promise.all(Array.from({ length: 50 }, () => reserve(variantId)));
      expect(results.filter((r) => r.status === 'reserved')).toHaveLength(5);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(45);
      expect((await snapshot(variantId)).available).toBe(0);
    }
  });

  it('loses no update when admin stock edits race reservations', async () => {
    const product = await createProduct(s.app, { stock: 100 });
    const variantId = product.variants[0].id;
    const admin = bearer(s.app, ['admin']);
    const edits = Array.from({ length: 10 }, (_, i) =>
      s.app.inject({
        method: 'PUT',
        url: `/catalog/variants/${variantId}/stock`,
        headers: admin,
        payload: { onHand: 60 + i },
      }),
    );
    const reservations = Array.from({ length: 40 }, () => reserve(variantId));
    const [editResults, reserveResults] = await Promise.all([Promise.all(edits), Promise.all(reservations)]);
    const reserved = reserveResults.filter((r) => r.status === 'reserved').length;
    expect(reserved).toBe(40);
    expect(editResults.every((r) => r.statusCode === 200)).toBe(true);
    const final = await s.app.inject({
      method: 'PUT',
      url: `/catalog/variants/${variantId}/stock`,
      headers: admin,
      payload: { onHand: 45 },
    });
    expect(final.json()).toEqual({ onHand: 45, reserved: 40, available: 5 });
    const tooFew = await s.app.inject({
      method: 'PUT',
      url: `/catalog/variants/${variantId}/stock`,
      headers: admin,
      payload: { onHand: 39 },
    });
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.headers['content-type']).toContain('application/problem+json');
    expect((await snapshot(variantId)).available).toBe(5);
  });

  it('rejects bad lines with a reason per line and reserves nothing', async () => {
    const product = await createProduct(s.app, { stock: 5 });
    const other = await createProduct(s.app, { stock: 5 });
    const variantId = product.variants[0].id;
    const cases: [unknown[], string][] = [
      [
        [
          { variantId, quantity: 1, unitPrice },
          { variantId, quantity: 1, unitPrice },
        ],
        'duplicate_line',
      ],
      [[{ variantId, quantity: 0, unitPrice }], 'invalid_quantity'],
      [[{ variantId, quantity: -2, unitPrice }], 'invalid_quantity'],
      [[{ variantId, quantity: 1.5, unitPrice }], 'invalid_quantity'],
      [[{ variantId, quantity: 1e12, unitPrice }], 'invalid_quantity'],
      [[{ variantId: uuidv7(), quantity: 1, unitPrice }], 'unknown_variant'],
      [[{ variantId: 'not-a-uuid', quantity: 1, unitPrice }], 'unknown_variant'],
      [[{ variantId, quantity: 1 }], 'invalid_price'],
      [[{ variantId, quantity: 1, unitPrice: { amount: '1000', currency: 'EUR' } }], 'invalid_price'],
      [[{ variantId, quantity: 1, unitPrice: { amount: 999, currency: 'EUR' } }], 'price_changed'],
      [[{ variantId, quantity: 1, unitPrice: { amount: 1000, currency: 'USD' } }], 'price_changed'],
      [
        [
          { variantId: other.variants[0].id, quantity: 1, unitPrice },
          { variantId, quantity: 6, unitPrice },
        ],
        'insufficient_stock',
      ],
    ];
    for (const [lines, reason] of cases) {
      const orderId = uuidv7();
      const result = await s.bus.execute(new ReserveStock(orderId, lines as never));
      expect(result).toEqual({ status: 'rejected' });
      const event = await s.waitForEvent(StockReservationRejected, (e) => e.payload.orderId === orderId);
      // Each case breaks exactly one rule, and the problem names that rule (no other reason hides it).
      expect({ lines, reasons: event.payload.problems.map((p) => p.reason) }).toEqual({ lines, reasons: [reason] });
    }
    expect((await snapshot(variantId)).available).toBe(5);
    expect((await snapshot(other.variants[0].id)).available).toBe(5);
  });

  it('refuses archived products as not purchasable', async () => {
    const product = await createProduct(s.app, { stock: 5 });
    await s.app.inject({ method: 'DELETE', url: `/catalog/products/${product.id}`, headers: bearer(s.app, ['admin']) });
    const orderId = uuidv7();
    expect(await reserve(product.variants[0].id, 1, orderId)).toEqual({ status: 'rejected' });
    const event = await s.waitForEvent(StockReservationRejected, (e) => e.payload.orderId === orderId);
    expect(event.payload.problems).toEqual([
      { variantId: product.variants[0].id, reason: 'not_purchasable', requested: 1, available: 5 },
    ]);
  });

  it('is idempotent by order id and publishes the outcome once', async () => {
    const product = await createProduct(s.app, { stock: 3 });
    const variantId = product.variants[0].id;
    const orderId = uuidv7();
    const results = await Promise.all([reserve(variantId, 2, orderId), reserve(variantId, 2, orderId)]);
    expect(results).toEqual([{ status: 'reserved' }, { status: 'reserved' }]);
    expect(await reserve(variantId, 2, orderId)).toEqual({ status: 'reserved' });
    await s.waitForEvent(StockReserved, (e) => e.payload.orderId === orderId);
    await s.flush();
    expect(s.events(StockReserved).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    expect((await snapshot(variantId)).available).toBe(1);
  });

  it('commits, releases and restocks once each, with their events', async () => {
    const product = await createProduct(s.app, { stock: 4 });
    const variantId = product.variants[0].id;
    const sold = uuidv7();
    const dropped = uuidv7();
    await reserve(variantId, 2, sold);
    await reserve(variantId, 2, dropped);
    expect((await snapshot(variantId)).available).toBe(0);
    await s.waitForEvent(StockAvailabilityChanged, (e) => e.payload.variantId === variantId && !e.payload.inStock);
    await s.waitForEvent(StockLevelLow, (e) => e.payload.variantId === variantId);

    await s.bus.execute(new CommitStock(sold));
    await s.bus.execute(new CommitStock(sold));
    await s.bus.execute(new ReleaseStock(dropped, 'payment_declined'));
    await s.bus.execute(new ReleaseStock(dropped, 'payment_declined'));
    const released = await s.waitForEvent(StockReleased, (e) => e.payload.orderId === dropped);
    expect(released.payload).toEqual({
      orderId: dropped,
      lines: [{ variantId, productId: product.id, quantity: 2 }],
      reason: 'payment_declined',
      restocked: false,
    });
    await s.waitForEvent(StockCommitted, (e) => e.payload.orderId === sold);
    await s.waitForEvent(StockAvailabilityChanged, (e) => e.payload.variantId === variantId && e.payload.inStock);
    expect((await snapshot(variantId)).available).toBe(2);

    await s.bus.execute(new RestockOrder(sold, 'cancelled_by_customer'));
    await s.bus.execute(new RestockOrder(sold, 'cancelled_by_customer'));
    const restocked = await s.waitForEvent(StockReleased, (e) => e.payload.orderId === sold);
    expect(restocked.payload).toMatchObject({ reason: 'cancelled_by_customer', restocked: true });
    expect((await snapshot(variantId)).available).toBe(4);
    await s.flush();
    expect(s.events(StockCommitted).filter((e) => e.payload.orderId === sold)).toHaveLength(1);
    expect(s.events(StockReleased).filter((e) => [sold, dropped].includes(e.payload.orderId))).toHaveLength(2);
  });

  it('holds and sells orders of several lines racing over the same variants, given in any order: all or nothing, nothing lost', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createProduct(s.app, { stock: 30 })));
    const ids = [a, b, c].map((product) => product.variants[0].id);
    // Twelve orders of the three variants in six different orders, and three that want too much of one.
    const orders = Array.from({ length: 12 }, (_, i) => {
      const order = [0, 1, 2].map((k) => ids[(k + i) % 3]);
      return { orderId: uuidv7(), variants: i % 2 === 0 ? order : order.reverse() };
    });
    const greedy = ids.map((variantId) => ({ orderId: uuidv7(), variants: [...ids], greedyFor: variantId }));
    const results = await Promise.all(
      [...orders, ...greedy].map(({ orderId, variants, ...rest }) =>
        s.bus.execute(
          new ReserveStock(
            orderId,
            variants.map((variantId) => ({
              variantId,
              quantity: 'greedyFor' in rest && rest.greedyFor === variantId ? 31 : 2,
              unitPrice,
            })),
          ),
        ),
      ),
    );
    expect(results.slice(0, 12).every((r) => r.status === 'reserved')).toBe(true);
    expect(results.slice(12).every((r) => r.status === 'rejected')).toBe(true);
    for (const variantId of ids) expect((await snapshot(variantId)).available).toBe(6);

    await Promise.all(orders.map(({ orderId }) => s.bus.execute(new CommitStock(orderId))));
    await Promise.all(orders.map(({ orderId }) => s.bus.execute(new CommitStock(orderId))));
    const catalog = s.app.get(ModuleDataSources).get('catalog')!;
    const levels = (await catalog.query(`SELECT on_hand, reserved FROM variants WHERE id = ANY($1::uuid[])`, [
      ids,
    ])) as { on_hand: number; reserved: number }[];
    expect(levels).toEqual([0, 1, 2].map(() => ({ on_hand: 6, reserved: 0 })));
    await s.flush();
    const committed = s.events(StockCommitted).filter((e) => orders.some((o) => o.orderId === e.payload.orderId));
    expect(committed).toHaveLength(12);
    // Each event names the lines sold, in variant-id order.
    for (const event of committed) {
      expect(event.payload.lines.map((line) => line.variantId)).toEqual([...ids].sort());
    }
  });

  it('lets a release that overtakes its reservation win', async () => {
    const product = await createProduct(s.app, { stock: 4 });
    const orderId = uuidv7();
    await s.bus.execute(new ReleaseStock(orderId, 'order_cancelled'));
    expect(await reserve(product.variants[0].id, 1, orderId)).toEqual({ status: 'rejected' });
    expect((await snapshot(product.variants[0].id)).available).toBe(4);
  });

  it('releases lapsed reservations once, however many sweepers run', async () => {
    const product = await createProduct(s.app, { stock: 6 });
    const variantId = product.variants[0].id;
    const lapsed = [uuidv7(), uuidv7()];
    const live = uuidv7();
    for (const orderId of [...lapsed, live]) await reserve(variantId, 2, orderId);
    const db = s.app.get(ModuleDataSources).get('catalog')!;
    await db.query(
      `UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = ANY($1::uuid[])`,
      [lapsed],
    );
    const sweeper = s.app.get(ReservationExpirySweeper);
    const counts = await Promise.all([sweeper.sweep(), sweeper.sweep(), sweeper.sweep()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await snapshot(variantId)).available).toBe(4);
    for (const orderId of lapsed) {
      const event = await s.waitForEvent(StockReleased, (e) => e.payload.orderId === orderId);
      expect(event.payload.reason).toBe('expired');
    }
    await s.bus.execute(new CommitStock(lapsed[0]));
    await s.bus.execute(new CommitStock(live));
    expect((await snapshot(variantId)).available).toBe(4);
  });

  it('answers a malformed command with a problem, not a reservation', async () => {
    await expect(
      s.bus.execute(new ReserveStock('nope', [{ variantId: uuidv7(), quantity: 1, unitPrice }])),
    ).rejects.toThrow(/UUID/);
    await expect(s.bus.execute(new ReserveStock(uuidv7(), []))).rejects.toThrow(/lines/);
  });
});
