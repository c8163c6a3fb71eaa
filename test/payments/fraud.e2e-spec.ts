import { v7 as uuidv7 } from 'uuid';
import { UserRegistered } from '../../src/modules/accounts';
import { ProductPublished } from '../../src/modules/catalog';
import {
  AuthorizePayment,
  CapturePayment,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentReviewed,
} from '../../src/modules/payments';
import { FraudTraining } from '../../src/modules/payments/application/fraud-models/fraud-training';
import { ReviewDeadlineSweeper } from '../../src/modules/payments/application/reviews/review-deadline.sweeper';
import { FraudSignals } from '../../src/modules/payments/domain/fraud/fraud-signals';
import { SandboxProvider } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox.provider';
import { SandboxWebhooks } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { paymentRow, paymentsDb } from './payments-support';

const ELECTRONICS = '0190a000-0000-7000-8000-00000000e1ec';
const DAY_MS = 86_400_000;
const ADDRESS = { line1: '12, Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

describe('payments: fraud signals, assessments, labels, models and the review queue (issue 21)', () => {
  let s: Scenario;
  const admin = () => bearer(s.app, ['admin']);

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['payments'],
      env: {
        FRAUD_RESELLABLE_CATEGORIES: ELECTRONICS,
        FRAUD_MODEL_CACHE_MS: '0',
        FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0',
        FRAUD_REVIEW_DEFAULT: 'reject',
        OUTBOX_RETRY_BASE_MS: '20',
        OUTBOX_RETRY_MAX_MS: '40',
        OUTBOX_POLL_MS: '50',
      },
    });
  });
  afterAll(() => s.close());

  /** Another module's event, as its outbox would deliver it to payments' inbox. */
  const deliverEvent = async (event: UserRegistered | ProductPublished) => {
    await s.app.get(TransactionRunner).run('payments', async (tx) => tx.publish(event));
    await s.flush();
  };
  const register = (userId: string, email: string, daysAgo: number) =>
    deliverEvent(
      new UserRegistered(
        { userId, email, name: 'Someone' },
        { occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString() },
      ),
    );
  const pay = async (
    token: string,
    o: { customerId: string; amount?: number; country?: string; address?: typeof ADDRESS; productId?: string },
  ) => {
    const amount = o.amount ?? 2500;
    const command = new AuthorizePayment(
      uuidv7(),
      o.customerId,
      { amount, currency: 'EUR' },
      'sandbox',
      token,
      o.country ?? 'US',
      {
        shippingAddress: o.address ?? { ...ADDRESS, line1: `${uuidv7()} Main St` },
        lines: [{ productId: o.productId ?? uuidv7(), quantity: 1, unitPrice: { amount, currency: 'EUR' } }],
      },
    );
    await s.bus.execute(command);
    return command.orderId;
  };
  const assessment = async (orderId: string) =>
    (await paymentsDb(s).query(`SELECT * FROM fraud_assessments WHERE order_id = $1`, [orderId]))[0] as Record<
      string,
      unknown
    > & { signals: FraudSignals };

  it('keeps its own read model of accounts and products from their events', async () => {
    const userId = uuidv7();
    await deliverEvent(new UserRegistered({ userId, email: 'Ada@Example.ORG', name: 'Ada' }));
    const product = new ProductPublished({
      productId: uuidv7(),
      slug: 'phone',
      title: 'Phone',
      categoryIds: [ELECTRONICS],
      variants: [],
    });
    await deliverEvent(product);
    const db = paymentsDb(s);
    expect(await db.query(`SELECT email_domain FROM fraud_accounts WHERE account_id = $1`, [userId])).toEqual([
      { email_domain: 'example.org' },
    ]);
    expect(
      await db.query(`SELECT category_ids FROM fraud_products WHERE product_id = $1`, [product.payload.productId]),
    ).toEqual([{ category_ids: [ELECTRONICS] }]);
  });

  it('computes each signal of an attempt from what payments saw before it, and stores them with the assessment', async () => {
    const phone = uuidv7();
    await deliverEvent(
      new ProductPublished({
        productId: phone,
        slug: `p-${phone}`,
        title: 'Phone',
        categoryIds: [ELECTRONICS],
        variants: [],
      }),
    );
    const domain = `shop-${uuidv7().slice(-8)}.test`;
    const [other, me] = [uuidv7(), uuidv7()];
    await register(other, `first@${domain}`, 30);
    await register(me, `me@${domain}`, 10);
    const shared = { ...ADDRESS, line1: `${uuidv7()} Shared St` };
    await pay('tok_visa:other', { customerId: other, address: shared });
    await pay('tok_visa:mine', { customerId: me, amount: 2000 });
    await pay('tok_visa:mine', { customerId: me, amount: 3000 });
    await pay('tok_chargeDeclined', { customerId: me });
    const orderId = await pay('tok_visa:other', {
      customerId: me,
      amount: 90_000,
      country: 'DE',
      productId: phone,
      address: { ...shared, line1: shared.line1.toUpperCase() },
    });
    const row = await assessment(orderId);
    expect(row.signals).toMatchObject({
      amount: 90_000,
      usualBasket: 2500,
      paidOrdersBefore: 2,
      ordersLastHour: 3,
      paymentsLastHour: 3,
      declinesLastHour: 1,
      declinesLastDay: 1,
      paymentMethodsOnAccount: 3,
      accountsOnPaymentMethod: 2,
      paymentMethodNewToAccount: true,
      shippingCountry: 'DE',
      cardCountry: 'US',
      accountsOnShippingAddress: 2,
      shippingAddressNewToAccount: true,
      emailDomainSeenBefore: true,
      resellableShare: 1,
      providerRiskLevel: 'normal',
    });
    expect(row.signals.accountAgeDays).toBeGreaterThan(9.99);
    expect(row.signals.accountAgeDays).toBeLessThan(10.01);
    expect(row).toMatchObject({ decided_by: 'rules', model_version: null, resellable_amount: '90000' });
    expect(row.shipping_address_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('Shared St');
    const firstOther = await assessment(
      (await paymentsDb(s).query(`SELECT order_id FROM fraud_assessments WHERE account_id = $1`, [other]))[0].order_id,
    );
    // "me" registered (10 days ago) before this attempt (now), so the domain was seen before it too.
    expect(firstOther.signals).toMatchObject({ paidOrdersBefore: 0, emailDomainSeenBefore: true, paymentsLastHour: 0 });
  });

  it('holds a review payment (authorized, not captured) and lists it with its assessment; approve is idempotent and a label', async () => {
    const customerId = uuidv7();
    // Rules (cold start): very high amount (+45) and a card from another country (+20) = 65 ≥ 50 → review.
    const orderId = await pay('tok_visa', { customerId, amount: 600_000, country: 'DE' });
    const held = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === orderId);
    expect(held.payload.heldForReview).toBe(true);
    expect(Date.parse(held.payload.reviewDeadline!)).toBeGreaterThan(Date.now());
    expect(await paymentRow(s, orderId)).toMatchObject({
      status: 'authorized',
      captured_amount: 0,
      risk_decision: 'review',
    });
    const paymentId = held.payload.paymentId;

    const list = await s.app.inject({ method: 'GET', url: '/payments/reviews?limit=100', headers: admin() });
    expect(list.statusCode).toBe(200);
    const item = (list.json() as { items: { paymentId: string }[] }).items.find((r) => r.paymentId === paymentId);
    expect(item).toMatchObject({
      orderId,
      status: 'pending',
      assessment: { decision: 'review', decidedBy: 'rules', rulesScore: 65, score: null, amount: { amount: 600_000 } },
    });
    expect((await s.app.inject({ method: 'GET', url: '/payments/reviews', headers: bearer(s.app) })).statusCode).toBe(
      403,
    );

    const approve = () =>
      s.app.inject({ method: 'POST', url: `/payments/reviews/${paymentId}/approve`, headers: admin() });
    const [first, second] = await Promise.all([approve(), approve()]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(first.json()).toMatchObject({ status: 'approved' });
    await s.waitForEvent(PaymentReviewed, (e) => e.payload.orderId === orderId);
    await s.flush();
    expect(
      s
        .events(PaymentReviewed)
        .filter((e) => e.payload.orderId === orderId)
        .map((e) => e.payload),
    ).toEqual([expect.objectContaining({ outcome: 'approved', decidedBy: 'admin' })]);
    const reject = await s.app.inject({
      method: 'POST',
      url: `/payments/reviews/${paymentId}/reject`,
      headers: admin(),
    });
    expect(reject.statusCode).toBe(409);
    expect(reject.json()).toMatchObject({ type: expect.stringContaining('review-already-decided') });
    expect(
      await paymentsDb(s).query(`SELECT fraudulent, source FROM fraud_labels WHERE payment_id = $1`, [paymentId]),
    ).toEqual([{ fraudulent: false, source: 'review' }]);
  });

  it('rejecting labels the payment fraudulent; a review past its deadline follows the configured default, unlabelled', async () => {
    const rejected = await pay('tok_visa', { customerId: uuidv7(), amount: 600_000, country: 'DE' });
    const overdue = await pay('tok_visa', { customerId: uuidv7(), amount: 600_000, country: 'DE' });
    const [a, b] = await Promise.all(
      [rejected, overdue].map((orderId) => s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === orderId)),
    );
    const response = await s.app.inject({
      method: 'POST',
      url: `/payments/reviews/${a.payload.paymentId}/reject`,
      headers: admin(),
    });
    expect(response.statusCode).toBe(200);
    const db = paymentsDb(s);
    await db.query(`UPDATE fraud_reviews SET deadline = now() - interval '1 second' WHERE payment_id = $1`, [
      b.payload.paymentId,
    ]);
    expect(await s.app.get(ReviewDeadlineSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const [byAdmin, byDeadline] = await Promise.all(
      [rejected, overdue].map((orderId) => s.waitForEvent(PaymentReviewed, (e) => e.payload.orderId === orderId)),
    );
    expect(byAdmin.payload).toMatchObject({ outcome: 'rejected', decidedBy: 'admin' });
    expect(byDeadline.payload).toMatchObject({ outcome: 'rejected', decidedBy: 'deadline' });
    expect(await db.query(`SELECT fraudulent FROM fraud_labels WHERE payment_id = $1`, [a.payload.paymentId])).toEqual([
      { fraudulent: true },
    ]);
    expect(await db.query(`SELECT 1 FROM fraud_labels WHERE payment_id = $1`, [b.payload.paymentId])).toEqual([]);
  });

  it('learns a chargeback from the sandbox’s signed dispute webhook, and an admin’s mark by order', async () => {
    const orderId = await pay('tok_visa', { customerId: uuidv7() });
    const { payload } = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === orderId);
    await s.bus.execute(new CapturePayment(orderId));
    await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
    const { provider_ref } = await paymentRow(s, orderId);
    expect(await s.app.get(SandboxProvider).dispute(provider_ref as string)).toBe(true);
    const webhooks = s.app.get(SandboxWebhooks);
    const dispute = (await webhooks.eventsFor(payload.paymentId)).find((e) => e.type === 'charge.disputed')!;
    const { payload: body, headers } = webhooks.signedDelivery(dispute);
    const delivered = await s.app.inject({ method: 'POST', url: '/payments/webhooks/sandbox', payload: body, headers });
    expect(delivered.json()).toMatchObject({ outcome: 'applied' });
    const db = paymentsDb(s);
    expect(await db.query(`SELECT fraudulent, source, note FROM fraud_labels WHERE order_id = $1`, [orderId])).toEqual([
      { fraudulent: true, source: 'dispute', note: 'fraudulent' },
    ]);

    const mark = (id: string, body: unknown) =>
      s.app.inject({ method: 'PUT', url: `/payments/fraud-labels/${id}`, payload: body as object, headers: admin() });
    const corrected = await mark(orderId, { fraudulent: false, note: 'cardholder withdrew the dispute' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ fraudulent: false, source: 'admin' });
    expect((await mark(uuidv7(), { fraudulent: true })).statusCode).toBe(404);
    expect((await mark(orderId, { fraudulent: 'yes' })).statusCode).toBe(400);
  });

  it('trains from the labelled history, runs the new version in shadow (logged, not acting), promotes and rolls back, audited', async () => {
    // A small labelled history: every fourth attempt a chargeback.
    const db = paymentsDb(s);
    for (let i = 0; i < 40; i++) {
      const orderId = await pay(i % 4 === 0 ? `tok_visa:stolen${i}` : `tok_visa:own${i % 5}`, {
        customerId: uuidv7(),
        amount: i % 4 === 0 ? 90_000 : 3000,
        country: i % 4 === 0 ? 'DE' : 'US',
      });
      if (i % 4 === 0) {
        const [{ payment_id }] = await db.query(`SELECT payment_id FROM fraud_assessments WHERE order_id = $1`, [
          orderId,
        ]);
        await db.query(
          `INSERT INTO fraud_labels (payment_id, order_id, fraudulent, source, labelled_by) VALUES ($1, $2, true, 'dispute', 'test')`,
          [payment_id, orderId],
        );
      }
    }
    const training = s.app.get(FraudTraining);
    const fromHistory = await training.fromHistory({ labelDelayDays: 0, actor: 'test:history' });
    expect(fromHistory).toMatchObject({ status: 'shadow', source: 'history' });
    expect(fromHistory.metrics.examples).toBeGreaterThanOrEqual(40);
    const synthetic = await training.fromSynthetic({ accounts: 800, days: 45, seed: 3, actor: 'test:synthetic' });
    expect(synthetic.metrics.model.prAuc).not.toBeNull();

    // The newest version is the shadow: scored and stored, while the rules still decide.
    const watched = await pay('tok_visa', { customerId: uuidv7() });
    expect(await assessment(watched)).toMatchObject({
      decided_by: 'rules',
      model_version: null,
      shadow_model_version: synthetic.version,
    });
    expect((await assessment(watched)).shadow_probability).toEqual(expect.any(Number));

    const promote = await s.app.inject({
      method: 'POST',
      url: `/payments/fraud-models/${synthetic.version}/promote`,
      headers: admin(),
    });
    expect(promote.json()).toEqual({ active: synthetic.version, shadow: null });
    const scored = await pay('tok_visa', { customerId: uuidv7() });
    const row = await assessment(scored);
    expect(row).toMatchObject({ decided_by: 'model', model_version: synthetic.version });
    const paymentId = row.payment_id as string;
    const view = await s.app.inject({
      method: 'GET',
      url: `/payments/${paymentId}/fraud-assessment`,
      headers: admin(),
    });
    expect(view.json()).toMatchObject({
      modelVersion: synthetic.version,
      decidedBy: 'model',
      score: expect.any(Number),
    });
    expect((view.json() as { topFeatures: unknown[] }).topFeatures).toHaveLength(5);

    const rollback = await s.app.inject({ method: 'POST', url: '/payments/fraud-models/rollback', headers: admin() });
    expect(rollback.json()).toEqual({ active: null, shadow: null });
    expect(await assessment(await pay('tok_visa', { customerId: uuidv7() }))).toMatchObject({ decided_by: 'rules' });
    expect(
      (await s.app.inject({ method: 'POST', url: '/payments/fraud-models/rollback', headers: admin() })).statusCode,
    ).toBe(409);
    expect(
      (await s.app.inject({ method: 'POST', url: '/payments/fraud-models/0/promote', headers: admin() })).statusCode,
    ).toBe(400);

    const audit = await s.app.inject({ method: 'GET', url: '/payments/fraud-models/audit', headers: admin() });
    const entries = (audit.json() as { items: { action: string; version: number | null; actor: string }[] }).items;
    expect(entries.slice(0, 4).map((e) => [e.action, e.version])).toEqual([
      ['rollback', null],
      ['promote', synthetic.version],
      ['train', synthetic.version],
      ['train', fromHistory.version],
    ]);
    expect(entries[0].actor).toMatch(/^admin:/);
    const models = await s.app.inject({ method: 'GET', url: '/payments/fraud-models', headers: admin() });
    expect((models.json() as { items: { version: number; status: string }[] }).items.slice(0, 2)).toEqual([
      expect.objectContaining({ version: synthetic.version, status: 'retired' }),
      expect.objectContaining({ version: fromHistory.version, status: 'candidate' }),
    ]);
  });
});
