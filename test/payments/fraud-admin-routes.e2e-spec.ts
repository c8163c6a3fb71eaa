import { v7 as uuidv7 } from 'uuid';
import { CapturePayment, PaymentAuthorized, PaymentCaptured } from '../../src/modules/payments';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { authorize, paymentsDb } from './payments-support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The admin routes that finish issue 21's label-to-model loop: the sandbox sends its signed dispute
 * webhook on request (a chargeback label without a hand-made webhook), and a new model version is
 * trained from the labelled history by a route, into shadow, audited — as `npm run fraud:train`.
 */
describe('payments: sandbox disputes and training from a route', () => {
  let s: Scenario;
  const admin = () => bearer(s.app, ['admin']);
  const post = (url: string, payload: Json, headers = admin()) =>
    s.app.inject({ method: 'POST', url, headers, payload });
  const dispute = (orderId: string, reason?: string) =>
    post('/payments/sandbox/disputes', reason ? { orderId, reason } : { orderId });

  /** A captured sandbox payment, cheap and domestic (the rules allow it). */
  const captured = async (token: string, amount = 3000, country = 'US') => {
    const command = authorize(token, { amount, country });
    await s.bus.execute(command);
    await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
    await s.bus.execute(new CapturePayment(command.orderId));
    await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === command.orderId);
    return command.orderId;
  };

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['payments'],
      env: { FRAUD_MODEL_CACHE_MS: '0', FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0', FRAUD_EXPLANATION_INTERVAL_MS: '0' },
    });
  });
  afterAll(() => s.close());

  it('the sandbox sends its signed dispute webhook on request: the charge is disputed and the payment labelled', async () => {
    const orderId = await captured('tok_visa');
    const response = await dispute(orderId);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      orderId,
      reason: 'fraudulent',
      eventId: expect.any(String),
      receipt: { received: true, duplicate: false, outcome: 'applied' },
    });
    const db = paymentsDb(s);
    expect(await db.query(`SELECT fraudulent, source, note FROM fraud_labels WHERE order_id = $1`, [orderId])).toEqual([
      { fraudulent: true, source: 'dispute', note: 'fraudulent' },
    ]);
    // It went through the webhook route's receipts: a second delivery of that event is a duplicate.
    expect(
      await db.query(`SELECT outcome FROM webhook_receipts WHERE provider = 'sandbox' AND event_id = $1`, [
        response.json().eventId,
      ]),
    ).toEqual([{ outcome: 'applied' }]);
  });

  it("a dispute that is not about fraud (the parcel never came) is no fraud label and keeps an admin's mark", async () => {
    const orderId = await captured('tok_visa');
    const marked = await s.app.inject({
      method: 'PUT',
      url: `/payments/fraud-labels/${orderId}`,
      headers: admin(),
      payload: { fraudulent: false, note: 'known customer' },
    });
    expect(marked.statusCode).toBe(200);
    for (const reason of ['product_not_received', 'duplicate', 'subscription_canceled']) {
      const response = await dispute(orderId, reason);
      expect(response.statusCode).toBe(200);
    }
    const db = paymentsDb(s);
    expect(await db.query(`SELECT fraudulent, source FROM fraud_labels WHERE order_id = $1`, [orderId])).toEqual([
      { fraudulent: false, source: 'admin' },
    ]);
    // A cardholder who does not recognise the charge is a fraud label, as 'fraudulent' is.
    expect((await dispute(orderId, 'unrecognized')).statusCode).toBe(200);
    expect(await db.query(`SELECT fraudulent, source FROM fraud_labels WHERE order_id = $1`, [orderId])).toEqual([
      { fraudulent: true, source: 'dispute' },
    ]);
  });

  it("reads an order's current label back (who, when, note), 404 when none, for admins only", async () => {
    const orderId = await captured('tok_visa');
    const read = (id: string, headers: Json = admin()) =>
      s.app.inject({ method: 'GET', url: `/payments/fraud-labels/${id}`, headers });
    const none = await read(orderId);
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({
      type: expect.stringContaining('not-found'),
      detail: expect.stringMatching(/label/),
    });

    const adminId = uuidv7();
    const marked = await s.app.inject({
      method: 'PUT',
      url: `/payments/fraud-labels/${orderId}`,
      headers: bearer(s.app, ['admin'], adminId),
      payload: { fraudulent: true, note: 'cardholder called: card stolen' },
    });
    expect(marked.statusCode).toBe(200);
    const label = await read(orderId);
    expect(label.statusCode).toBe(200);
    expect(label.json()).toEqual({
      paymentId: expect.any(String),
      orderId,
      fraudulent: true,
      source: 'admin',
      labelledBy: `admin:${adminId}`,
      note: 'cardholder called: card stolen',
      labelledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // The mark answers what a read answers.
    expect(marked.json()).toEqual(label.json());

    // A chargeback replaces the admin's mark: the read follows.
    expect((await dispute(orderId)).statusCode).toBe(200);
    expect((await read(orderId)).json()).toMatchObject({
      orderId,
      fraudulent: true,
      source: 'dispute',
      note: 'fraudulent',
    });

    const unknown = await read(uuidv7());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/No payment/);
    expect((await read('nope')).statusCode).toBe(400);
    expect((await read(orderId, bearer(s.app))).statusCode).toBe(403);
    expect((await read(orderId, {})).statusCode).toBe(401);
  });

  it('refuses what it cannot dispute, bad bodies and non-admins, changing nothing', async () => {
    const command = authorize('tok_visa');
    await s.bus.execute(command);
    await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
    const uncaptured = await dispute(command.orderId);
    expect(uncaptured.statusCode).toBe(409);
    expect(uncaptured.json()).toMatchObject({ type: expect.stringContaining('charge-not-captured') });
    expect((await dispute(uuidv7())).statusCode).toBe(404);
    expect((await post('/payments/sandbox/disputes', { orderId: 'nope' })).statusCode).toBe(400);
    expect((await dispute(command.orderId, 'Robert"); DROP TABLE')).statusCode).toBe(400);
    expect((await post('/payments/sandbox/disputes', { orderId: command.orderId }, bearer(s.app))).statusCode).toBe(
      403,
    );
    expect(await paymentsDb(s).query(`SELECT 1 FROM fraud_labels WHERE order_id = $1`, [command.orderId])).toEqual([]);
  });

  it('trains a new version from the labelled history by a route, into shadow, audited with the admin', async () => {
    const train = (body: Json, headers = admin()) => post('/payments/fraud-models/train', body, headers);
    // Labels from disputes the sandbox sent: every fourth payment a stolen card, charged back.
    for (let i = 0; i < 24; i++) {
      const stolen = i % 4 === 0;
      const orderId = await captured(
        stolen ? `tok_visa:stolen${i}` : `tok_visa:own${i % 5}`,
        stolen ? 90_000 : 3000,
        stolen ? 'DE' : 'US',
      );
      if (stolen) expect((await dispute(orderId)).statusCode).toBe(200);
    }
    const trained = await train({ source: 'history', labelDelayDays: 0 });
    expect(trained.statusCode).toBe(201);
    expect(trained.json()).toMatchObject({
      version: expect.any(Number),
      status: 'shadow',
      source: 'history',
      metrics: { examples: expect.any(Number), positives: expect.any(Number) },
    });
    expect(trained.json().metrics.positives).toBeGreaterThanOrEqual(6);

    const models = await s.app.inject({ method: 'GET', url: '/payments/fraud-models', headers: admin() });
    expect(models.json().items[0]).toMatchObject({ version: trained.json().version, status: 'shadow' });
    const audit = await s.app.inject({ method: 'GET', url: '/payments/fraud-models/audit', headers: admin() });
    expect(audit.json().items[0]).toMatchObject({
      action: 'train',
      version: trained.json().version,
      actor: expect.stringMatching(/^admin:/),
    });

    // A candidate from the synthetic history; rollback is a route too (nothing active: a 409).
    const candidate = await train({ source: 'synthetic', as: 'candidate', accounts: 800, days: 45, seed: 3 });
    expect(candidate.statusCode).toBe(201);
    expect(candidate.json()).toMatchObject({ status: 'candidate', source: 'synthetic' });
    expect(candidate.json().metrics.model.prAuc).toEqual(expect.any(Number));
    expect((await post('/payments/fraud-models/rollback', {})).statusCode).toBe(409);
  });

  it('too few labels is a 422 that stores nothing; bad bodies are 400s; admins only', async () => {
    const train = (body: Json, headers = admin()) => post('/payments/fraud-models/train', body, headers);
    const before = (await paymentsDb(s).query(`SELECT count(*)::int AS n FROM fraud_models`))[0].n;
    const tooFew = await train({ source: 'history', labelDelayDays: 3650 });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json()).toMatchObject({ type: expect.stringContaining('not-enough-labels') });
    for (const body of [
      { source: 'magic' },
      { as: 'active' },
      { accounts: 5, source: 'synthetic' },
      { accounts: 50_000, source: 'synthetic' },
      { days: 3650, source: 'synthetic' },
      { reviewBudget: 2 },
      { labelDelayDays: -1 },
      { seed: 1.5, source: 'synthetic' },
    ]) {
      expect([JSON.stringify(body), (await train(body)).statusCode]).toEqual([JSON.stringify(body), 400]);
    }
    expect((await train({}, bearer(s.app))).statusCode).toBe(403);
    expect((await paymentsDb(s).query(`SELECT count(*)::int AS n FROM fraud_models`))[0].n).toBe(before);
  });

  it('parallel trainings each store a version, one left in shadow; parallel promotions leave one active (no 500)', async () => {
    const train = (seed: number) =>
      post('/payments/fraud-models/train', { source: 'synthetic', accounts: 100, days: 14, seed });
    const trained = await Promise.all([1, 1, 1, 1, 1, 1].map(train));
    expect(trained.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const db = paymentsDb(s);
    const versions = trained.map((r) => r.json().version as number);
    const live = await db.query(`SELECT version FROM fraud_models WHERE status = 'shadow'`);
    expect(live).toHaveLength(1);
    expect(versions).toContain(live[0].version);
    const audited = await db.query(
      `SELECT count(*)::int AS n FROM fraud_model_audit WHERE action = 'train' AND version = ANY($1)`,
      [versions],
    );
    expect(audited).toEqual([{ n: 6 }]);

    const promoted = await Promise.all(versions.map((v) => post(`/payments/fraud-models/${v}/promote`, {})));
    expect(promoted.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await db.query(`SELECT count(*)::int AS n FROM fraud_models WHERE status = 'active'`)).toEqual([{ n: 1 }]);
    expect((await post('/payments/fraud-models/rollback', {})).statusCode).toBe(200);
  });
});
