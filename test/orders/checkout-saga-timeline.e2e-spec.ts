import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

interface Step {
  step: string;
  compensation: boolean;
  message: { type: string; id: string; status: string; attempts: number; deliveredAt: string | null };
  causedBy: { type: string; id: string | null } | null;
  reply: { type: string; id: string | null; receivedAt: string } | null;
}

describe('GET /orders/:id/saga: the checkout saga timeline for admins (real PostgreSQL)', () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await createTestApp({ env: { OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' } });
    shop = new Shop(t.app);
  });
  afterAll(() => t.close());

  async function sagaWhen(orderId: string, done: (body: { steps: Step[] }) => boolean) {
    let last: { status: number; body: Json } | undefined;
    await shop.eventually(async () => {
      last = await shop.request('GET', `/orders/${orderId}/saga`, shop.admin());
      return last.status === 200 && done(last.body as { steps: Step[] });
    }, 'saga timeline settled');
    return last!.body as Json & { steps: Step[] };
  }

  it('shows a confirmed order: reserve, authorize, then commit, capture and clear, each delivered and answered', async () => {
    const { variantId } = await shop.createProduct(10, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);

    const saga = await sagaWhen(
      placed.body.id,
      (b) =>
        b.steps.length >= 5 &&
        b.steps.every((s) => s.message.status === 'delivered') &&
        b.steps.filter((s) => s.step === 'commit_stock' || s.step === 'capture_payment').every((s) => s.reply),
    );
    expect(saga).toMatchObject({ orderId: placed.body.id, orderStatus: 'confirmed', cancellation: null });
    expect(['confirmed', 'completed']).toContain(saga.outcome);
    expect(saga.steps.map((s) => s.step)).toEqual([
      'reserve_stock',
      'authorize_payment',
      'commit_stock',
      'capture_payment',
      'clear_cart',
    ]);
    expect(saga.steps.every((s) => !s.compensation && s.message.attempts >= 1 && s.message.deliveredAt)).toBe(true);
    const [reserve, authorize, commit] = saga.steps;
    expect(reserve).toMatchObject({
      message: { type: expect.stringContaining('ReserveStock') },
      causedBy: null,
      reply: { type: expect.stringContaining('StockReserved'), id: expect.any(String) },
    });
    // The reply to one step is what caused the next.
    expect(authorize.causedBy).toEqual(reserve.reply);
    expect(authorize.reply).toMatchObject({ type: expect.stringContaining('PaymentAuthorized') });
    expect(commit.causedBy).toEqual(authorize.reply);
    expect(saga.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: expect.stringContaining('OrderPlaced') }),
        expect.objectContaining({ type: expect.stringContaining('OrderConfirmed') }),
      ]),
    );
    expect((saga as unknown as { milestones: { status: string }[] }).milestones.map((m) => m.status)).toContain(
      'confirmed',
    );
  });

  it('shows why a declined order was cancelled: the decline caused the stock release, a compensation', async () => {
    const { variantId } = await shop.createProduct(5);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const placed = await shop.placeOrder(customer.auth, cartId, 'tok_chargeDeclined');
    await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);

    const saga = await sagaWhen(placed.body.id, (b) => b.steps.some((s) => s.step === 'release_stock'));
    expect(saga).toMatchObject({
      orderStatus: 'cancelled',
      state: 'cancelled',
      outcome: 'cancelled',
      stepDeadline: null,
      cancellation: {
        reason: 'payment_declined',
        causedBy: { type: expect.stringContaining('PaymentDeclined'), id: expect.any(String) },
      },
    });
    expect(saga.steps.map((s) => [s.step, s.compensation])).toEqual([
      ['reserve_stock', false],
      ['authorize_payment', false],
      ['release_stock', true],
    ]);
    const authorize = saga.steps[1];
    expect(authorize.reply).toMatchObject({ type: expect.stringContaining('PaymentDeclined') });
    expect(saga.steps[2].causedBy).toEqual(authorize.reply);
  });

  it('answers 404 problem+json for an unknown order and 403 to a customer, even for their own order', async () => {
    const missing = await shop.request('GET', '/orders/00000000-0000-4000-8000-000000000000/saga', shop.admin());
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const { variantId } = await shop.createProduct(5);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const forbidden = await shop.request('GET', `/orders/${placed.body.id}/saga`, customer.auth);
    expect(forbidden.status).toBe(403);
    const malformed = await shop.request('GET', '/orders/not-an-id/saga', shop.admin());
    expect(malformed.status).toBe(400);
  });
});
