import { v7 as uuidv7 } from 'uuid';
import {
  CapturePayment,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentDeclined,
  PaymentFailed,
  PaymentRefunded,
  PaymentVoided,
  RefundPayment,
  VoidPayment,
} from '../../src/modules/payments';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { waitUntil } from '../support/wait-until';
import { authorize, authorized, paymentRow, paymentsDb } from './payments-support';

describe('payments: sandbox tokens, capture, void, refund, risk', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['payments'],
      env: { OUTBOX_RETRY_BASE_MS: '20', OUTBOX_RETRY_MAX_MS: '40', OUTBOX_POLL_MS: '50' },
    });
  });
  afterAll(() => s.close());

  it('tok_visa authorizes, stores the provider reference and last4 only, and is idempotent by order id', async () => {
    const command = authorize('tok_visa');
    await s.bus.execute(command);
    await s.bus.execute(command);
    const event = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
    expect(event.payload.amount).toEqual({ amount: 2500, currency: 'EUR' });
    const row = await paymentRow(s, command.orderId);
    expect(row).toMatchObject({ status: 'authorized', last4: '4242', risk_decision: 'allow', risk_score: 0 });
    expect(row.provider_ref).toMatch(/^ch_sbx_/);
    expect(JSON.stringify(row)).not.toContain('tok_visa');
    await s.flush();
    expect(s.events(PaymentAuthorized).filter((e) => e.payload.orderId === command.orderId)).toHaveLength(1);
  });

  it.each([
    ['tok_chargeDeclined', 'declined', '0002'],
    ['tok_insufficientFunds', 'insufficient_funds', '9995'],
  ])('%s is declined with reason %s', async (token, reason, last4) => {
    const command = authorize(token);
    await s.bus.execute(command);
    const event = await s.waitForEvent(PaymentDeclined, (e) => e.payload.orderId === command.orderId);
    expect(event.payload).toMatchObject({ reason, riskScore: 0 });
    expect(await paymentRow(s, command.orderId)).toMatchObject({ status: 'declined', decline_reason: reason, last4 });
  });

  it('tok_riskHigh is blocked by the risk check with its score stored, and never reaches the provider', async () => {
    const command = authorize('tok_riskHigh');
    await s.bus.execute(command);
    const event = await s.waitForEvent(PaymentDeclined, (e) => e.payload.orderId === command.orderId);
    expect(event.payload).toMatchObject({ reason: 'risk', riskScore: 100 });
    const row = await paymentRow(s, command.orderId);
    expect(row).toMatchObject({ status: 'declined', risk_score: 100, risk_decision: 'block', provider_ref: null });
    expect(row.risk_reasons).toContain('provider_highest');
    const [{ n }] = await paymentsDb(s).query(
      `SELECT count(*)::int AS n FROM sandbox_requests WHERE idempotency_key LIKE $1`,
      [`${row.id as string}:%`],
    );
    expect(n).toBe(0);
  });

  it('blocks an ordinary card by the velocity, failed-attempt and country rules', async () => {
    const customerId = uuidv7();
    for (let i = 0; i < 5; i++) await s.bus.execute(authorize('tok_chargeDeclined', { customerId }));
    const command = authorize('tok_visa', { customerId, country: 'FR' });
    await s.bus.execute(command);
    const event = await s.waitForEvent(PaymentDeclined, (e) => e.payload.orderId === command.orderId);
    expect(event.payload).toMatchObject({ reason: 'risk', riskScore: 90 });
    const row = await paymentRow(s, command.orderId);
    expect(row).toMatchObject({ risk_score: 90, risk_decision: 'block' });
    expect(row.risk_reasons).toEqual(['velocity', 'failed_attempts', 'country_mismatch']);
  });

  it('tok_processingError fails transiently, is retried by the relay, and ends with exactly one authorization', async () => {
    const command = authorize('tok_processingError');
    await s.app.get(TransactionRunner).run('payments', async (tx) => tx.send(command));
    const event = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
    const db = paymentsDb(s);
    const charges = await db.query(`SELECT id FROM sandbox_charges WHERE merchant_ref = $1`, [event.payload.paymentId]);
    expect(charges).toHaveLength(1);
    const [request] = await db.query(`SELECT attempts FROM sandbox_requests WHERE idempotency_key = $1`, [
      `${event.payload.paymentId}:authorize`,
    ]);
    expect(request.attempts).toBe(2);
    const commandRow = async () =>
      (
        await db.query(
          `SELECT attempts, status FROM outbox WHERE type = 'payments.AuthorizePayment' AND body->>'orderId' = $1`,
          [command.orderId],
        )
      )[0];
    // The relay marks the command delivered after the handler's event went out: wait for the mark.
    await waitUntil(async () => (await commandRow()).status === 'delivered');
    // One failed delivery (the transient error) and one that succeeded.
    expect(await commandRow()).toMatchObject({ attempts: 2, status: 'delivered' });
  });

  it('captures once however often the capture is sent', async () => {
    const { orderId, paymentId } = await authorized(s);
    await Promise.all([1, 2, 3].map(() => s.bus.execute(new CapturePayment(orderId))));
    await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
    await s.flush();
    expect(s.events(PaymentCaptured).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'captured', captured_amount: 2500 });
    const [charge] = await paymentsDb(s).query(
      `SELECT status, captured_amount::float8 AS captured_amount FROM sandbox_charges WHERE merchant_ref = $1`,
      [paymentId],
    );
    expect(charge).toEqual({ status: 'captured', captured_amount: 2500 });
  });

  it('reports a capture of an expired authorization as PaymentFailed', async () => {
    const { orderId, paymentId } = await authorized(s);
    await paymentsDb(s).query(
      `UPDATE sandbox_charges SET expires_at = now() - interval '1 second' WHERE merchant_ref = $1`,
      [paymentId],
    );
    await s.bus.execute(new CapturePayment(orderId));
    const failed = await s.waitForEvent(PaymentFailed, (e) => e.payload.orderId === orderId);
    expect(failed.payload).toMatchObject({ operation: 'capture', reason: 'authorization_expired' });
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'expired' });
  });

  it('voids an authorization once; nothing to void is not an error; a voided payment cannot be captured', async () => {
    const { orderId, paymentId } = await authorized(s);
    await s.bus.execute(new VoidPayment(orderId, 'stock_rejected'));
    await s.bus.execute(new VoidPayment(orderId, 'stock_rejected'));
    await s.bus.execute(new VoidPayment(uuidv7(), 'no such order'));
    const voided = await s.waitForEvent(PaymentVoided, (e) => e.payload.orderId === orderId);
    expect(voided.payload.reason).toBe('stock_rejected');
    const [charge] = await paymentsDb(s).query(`SELECT status FROM sandbox_charges WHERE merchant_ref = $1`, [
      paymentId,
    ]);
    expect(charge.status).toBe('voided');
    await s.bus.execute(new CapturePayment(orderId));
    const failed = await s.waitForEvent(PaymentFailed, (e) => e.payload.orderId === orderId);
    expect(failed.payload).toMatchObject({ operation: 'capture', reason: 'payment_voided' });
    await s.flush();
    expect(s.events(PaymentVoided).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
  });

  describe('refunds', () => {
    // One admin throughout: Idempotency-Keys are scoped per user.
    let admin: Record<string, string>;
    beforeAll(() => (admin = bearer(s.app, ['admin'], uuidv7())));
    const refund = (id: string, body: object, headers: Record<string, string> = {}) =>
      s.app.inject({
        method: 'POST',
        url: `/payments/${id}/refund`,
        headers: { ...admin, ...headers },
        payload: body,
      });

    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    const captured = async (): Promise<{ orderId: string; paymentId: string }> => {
      const payment = await authorized(s);
      await s.bus.execute(new CapturePayment(payment.orderId));
      await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === payment.orderId);
      return payment;
    };

    it('refunds partially up to the captured amount, then 422 above it, with nothing changed', async () => {
      const { orderId, paymentId } = await captured();

      const first = await refund(paymentId, { amount: eur(1000) });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ paymentId, amount: eur(1000), status: 'succeeded' });
      const event = await s.waitForEvent(PaymentRefunded, (e) => e.payload.refundId === first.json().id);
      expect(event.payload).toMatchObject({ totalRefunded: eur(1000), reason: 'requested_by_admin' });
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'partially_refunded', refunded_amount: 1000 });

      const above = await refund(paymentId, { amount: eur(1501) });
      expect(above.statusCode).toBe(422);
      expect(above.headers['content-type']).toContain('application/problem+json');
      expect(await paymentRow(s, orderId)).toMatchObject({ refunded_amount: 1000 });

      const rest = await refund(paymentId, {}, { 'idempotency-key': 'rest-1' });
      const again = await refund(paymentId, {}, { 'idempotency-key': 'rest-1' });
      expect(rest.json()).toMatchObject({ amount: eur(1500), status: 'succeeded' });
      expect(again.json()).toEqual(rest.json());
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'refunded', refunded_amount: 2500 });
      const [charge] = await paymentsDb(s).query(
        `SELECT refunded_amount::float8 AS refunded_amount FROM sandbox_charges WHERE merchant_ref = $1`,
        [paymentId],
      );
      expect(charge.refunded_amount).toBe(2500);
    });

    it('takes the amount as money: another currency is 422, a bare number 400, nothing refunded', async () => {
      const { orderId, paymentId } = await captured();
      const usd = await refund(paymentId, { amount: { amount: 100, currency: 'USD' } });
      expect(usd.statusCode).toBe(422);
      expect(usd.json().type).toContain('refund-currency-mismatch');
      for (const amount of [100, { amount: 1.5, currency: 'EUR' }, { amount: 100, currency: 'eur' }, { amount: 100 }]) {
        const response = await refund(paymentId, { amount });
        expect(response.statusCode).toBe(400);
        expect(
          response
            .json()
            .errors.map((e: { field: string }) => e.field)
            .join(),
        ).toContain('amount');
      }
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'captured', refunded_amount: 0 });
    });

    it('compares the request under an Idempotency-Key: same → same refund, other → 422, concurrent → one refund', async () => {
      const { orderId, paymentId } = await captured();
      const key = { 'idempotency-key': `refund-${uuidv7()}` };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => refund(paymentId, { amount: eur(700), reason: 'damaged' }, key)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(5).fill(201));
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(await paymentRow(s, orderId)).toMatchObject({ refunded_amount: 700 });

      const otherAmount = await refund(paymentId, { amount: eur(800), reason: 'damaged' }, key);
      expect(otherAmount.statusCode).toBe(422);
      expect(otherAmount.json().type).toContain('idempotency-key-reused');
      const { paymentId: otherPayment } = await captured();
      const otherPaymentSameKey = await refund(otherPayment, { amount: eur(700), reason: 'damaged' }, key);
      expect(otherPaymentSameKey.statusCode).toBe(422);
      expect((await refund(paymentId, {}, { 'idempotency-key': 'spaces are not allowed' })).statusCode).toBe(400);

      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'partially_refunded', refunded_amount: 700 });
      const [{ n }] = await paymentsDb(s).query(
        `SELECT count(*)::int AS n FROM sandbox_requests WHERE idempotency_key LIKE $1`,
        [`${paymentId}:refund:%`],
      );
      expect(n).toBe(1);
    });

    it('answers 409 for a voided or never-captured payment, 404 for an unknown one, 403 for a customer', async () => {
      const { orderId, paymentId } = await authorized(s);
      expect((await refund(paymentId, {})).statusCode).toBe(409);
      await s.bus.execute(new VoidPayment(orderId, 'cancelled'));
      const voided = await refund(paymentId, { amount: eur(100) });
      expect(voided.statusCode).toBe(409);
      expect(voided.json().type).toContain('payment-not-captured');
      expect((await refund(uuidv7(), {})).statusCode).toBe(404);
      expect((await refund(paymentId, { amount: eur(0) })).statusCode).toBe(400);
      const customer = await s.app.inject({
        method: 'POST',
        url: `/payments/${paymentId}/refund`,
        headers: bearer(s.app),
        payload: {},
      });
      expect(customer.statusCode).toBe(403);
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'voided', refunded_amount: 0 });
    });

    it('RefundPayment refunds everything once and reports a refusal as PaymentFailed', async () => {
      const { orderId } = await authorized(s);
      await s.bus.execute(new CapturePayment(orderId));
      await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
      await s.bus.execute(new RefundPayment(orderId, null, 'cancelled_by_customer'));
      await s.bus.execute(new RefundPayment(orderId, null, 'cancelled_by_customer'));
      await s.waitForEvent(PaymentRefunded, (e) => e.payload.orderId === orderId);
      await s.bus.execute(new RefundPayment(orderId, { amount: 1, currency: 'EUR' }, 'again'));
      const failed = await s.waitForEvent(PaymentFailed, (e) => e.payload.orderId === orderId);
      expect(failed.payload).toMatchObject({ operation: 'refund', reason: 'refund-exceeds-captured' });
      await s.flush();
      expect(s.events(PaymentRefunded).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    });
  });

  describe('GET /payments?orderId=', () => {
    it('shows the owner the payment without its risk assessment, an admin with it, and another customer a 404', async () => {
      const customerId = uuidv7();
      const { orderId, paymentId } = await authorized(s, customerId);
      const get = (headers: Record<string, string>) =>
        s.app.inject({ method: 'GET', url: `/payments?orderId=${orderId}`, headers });
      const own = await get(bearer(s.app, ['customer'], customerId));
      expect(own.statusCode).toBe(200);
      expect(own.json().items).toEqual([
        {
          id: paymentId,
          orderId,
          status: 'authorized',
          amount: { amount: 2500, currency: 'EUR' },
          capturedAmount: { amount: 0, currency: 'EUR' },
          refundedAmount: { amount: 0, currency: 'EUR' },
          provider: 'sandbox',
          last4: '4242',
          createdAt: expect.any(String),
        },
      ]);
      // The score would let a fraudster probe the model (Stripe shows Radar's risk to the merchant only).
      const asAdmin = (await get(bearer(s.app, ['admin']))).json().items;
      expect(asAdmin).toEqual([expect.objectContaining({ id: paymentId, riskScore: 0, riskDecision: 'allow' })]);
      const other = await get(bearer(s.app, ['customer']));
      expect(other.statusCode).toBe(404);
      expect((await get({})).statusCode).toBe(401);
      expect(
        (await s.app.inject({ method: 'GET', url: '/payments?orderId=nope', headers: bearer(s.app) })).statusCode,
      ).toBe(400);
    });
  });
});
