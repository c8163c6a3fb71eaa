import Stripe from 'stripe';
import { v7 as uuidv7 } from 'uuid';
import { CapturePayment, PaymentCaptured, PaymentFailed } from '../../src/modules/payments';
import { SandboxProvider } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox.provider';
import {
  SandboxWebhookBody,
  SandboxWebhooks,
} from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { Scenario } from '../support/scenario';
import { authorized, paymentRow, paymentsDb } from './payments-support';

const STRIPE_SECRET = 'whsec_test_arcade';

describe('payments webhooks', () => {
  let s: Scenario;
  let webhooks: SandboxWebhooks;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['payments'],
      env: { STRIPE_API_KEY: 'sk_test_arcade_never_called', STRIPE_WEBHOOK_SECRET: STRIPE_SECRET },
    });
    webhooks = s.app.get(SandboxWebhooks);
  });
  afterAll(() => s.close());

  const post = (provider: string, payload: string, headers: Record<string, string>) =>
    s.app.inject({ method: 'POST', url: `/payments/webhooks/${provider}`, payload, headers });
  const deliver = (body: SandboxWebhookBody, timestamp?: number) => {
    const { payload, headers } = webhooks.signedDelivery(body, timestamp);
    return post('sandbox', payload, headers);
  };
  const receipts = async (eventId: string): Promise<number> =>
    (await paymentsDb(s).query(`SELECT count(*)::int AS n FROM webhook_receipts WHERE event_id = $1`, [eventId]))[0].n;

  const capturedEvent = (paymentId: string, chargeId: string): SandboxWebhookBody => ({
    id: `evt_test_${uuidv7()}`,
    type: 'charge.captured',
    created: Math.floor(Date.now() / 1000),
    data: {
      charge: chargeId,
      paymentId,
      amount: 2500,
      capturedAmount: 2500,
      amountRefunded: 0,
      last4: '4242',
      reason: null,
    },
  });

  it('applies a signed event that Arcade has not seen yet (the capture made at the processor)', async () => {
    const { orderId, paymentId } = await authorized(s);
    const { provider_ref } = await paymentRow(s, orderId);
    const response = await deliver(capturedEvent(paymentId, provider_ref as string));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, duplicate: false, outcome: 'applied' });
    await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'captured', captured_amount: 2500 });
  });

  it('rejects a bad signature with 400 and changes nothing', async () => {
    const { orderId, paymentId } = await authorized(s);
    const body = capturedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string);
    const { payload, headers } = webhooks.signedDelivery(body);
    const tampered = await post('sandbox', payload.replace('2500', '9999'), headers);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers['content-type']).toContain('application/problem+json');
    const unsigned = await post('sandbox', payload, { 'content-type': 'application/json' });
    expect(unsigned.statusCode).toBe(400);
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'authorized', captured_amount: 0 });
    expect(await receipts(body.id)).toBe(0);
  });

  it.each([
    ['stale', -301],
    ['future', +301],
  ])('rejects a %s timestamp with 400', async (_label, offset) => {
    const { orderId, paymentId } = await authorized(s);
    const body = capturedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string);
    const response = await deliver(body, Math.floor(Date.now() / 1000) + offset);
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('tolerance');
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'authorized' });
    expect(await receipts(body.id)).toBe(0);
  });

  it('has one effect when the same event is delivered 10 times concurrently', async () => {
    const { orderId, paymentId } = await authorized(s);
    const body = capturedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string);
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(body)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(responses.filter((r) => r.json().duplicate === false)).toHaveLength(1);
    await s.flush();
    expect(s.events(PaymentCaptured).filter((e) => e.payload.orderId === orderId)).toHaveLength(1);
    expect(await receipts(body.id)).toBe(1);
  });

  it('records an event about an unknown payment once, with its outcome, however many deliveries race', async () => {
    const body = capturedEvent(uuidv7(), 'ch_sbx_unknown');
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(body)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(5).fill(200));
    expect(responses.filter((r) => r.json().duplicate === false).map((r) => r.json().outcome)).toEqual([
      'unknown_payment',
    ]);
    const rows = (await paymentsDb(s).query(
      `SELECT outcome, payment_id FROM webhook_receipts WHERE provider = 'sandbox' AND event_id = $1`,
      [body.id],
    )) as unknown[];
    expect(rows).toEqual([{ outcome: 'unknown_payment', payment_id: null }]);
  });

  it('never lets a failure arriving after a success move the payment backwards', async () => {
    const { orderId, paymentId } = await authorized(s);
    await s.bus.execute(new CapturePayment(orderId));
    await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
    const late = await deliver({
      ...capturedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string),
      type: 'charge.failed',
      data: {
        charge: null,
        paymentId,
        amount: 2500,
        capturedAmount: 0,
        amountRefunded: 0,
        last4: null,
        reason: 'declined',
      },
    });
    expect(late.json()).toEqual({ received: true, duplicate: false, outcome: 'ignored' });
    // The sandbox's own event log replayed out of order (authorized after captured) changes nothing either.
    for (const event of await webhooks.eventsFor(paymentId)) expect((await deliver(event)).statusCode).toBe(200);
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'captured', captured_amount: 2500 });
  });

  it("learns of an authorization that expired at the sandbox from the sandbox's signed webhook", async () => {
    const { orderId, paymentId } = await authorized(s);
    await paymentsDb(s).query(`UPDATE sandbox_charges SET expires_at = now() WHERE merchant_ref = $1`, [paymentId]);
    expect(await s.app.get(SandboxProvider).expireAuthorizations()).toBeGreaterThanOrEqual(1);
    const expiry = (await webhooks.eventsFor(paymentId)).find((e) => e.type === 'charge.expired')!;
    expect((await deliver(expiry)).json()).toMatchObject({ outcome: 'applied' });
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'expired' });
    await s.bus.execute(new CapturePayment(orderId));
    const failed = await s.waitForEvent(PaymentFailed, (e) => e.payload.orderId === orderId);
    expect(failed.payload.reason).toBe('payment_expired');
  });

  it.each([
    ['data is null', (e: SandboxWebhookBody) => ({ ...e, data: null })],
    ['data is a string', (e: SandboxWebhookBody) => ({ ...e, data: 'charge' })],
    ['the id is 1,000 characters', (e: SandboxWebhookBody) => ({ ...e, id: 'e'.repeat(1000) })],
    ['the charge is an object', (e: SandboxWebhookBody) => ({ ...e, data: { ...e.data, charge: { id: 1 } } })],
    ['the amount is not a number', (e: SandboxWebhookBody) => ({ ...e, data: { ...e.data, capturedAmount: 'all' } })],
    ['the amount is past 2^53', (e: SandboxWebhookBody) => ({ ...e, data: { ...e.data, capturedAmount: 1e300 } })],
    [
      'last4 has five digits',
      (e: SandboxWebhookBody) => ({ ...e, type: 'charge.authorized', data: { ...e.data, last4: '12345' } }),
    ],
  ])('answers a signed event where %s with 400, and changes nothing', async (_shape, reshape) => {
    const { orderId, paymentId } = await authorized(s);
    const body = reshape(capturedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string));
    const { payload, headers } = webhooks.signedDelivery(body as unknown as SandboxWebhookBody);
    const response = await post('sandbox', payload, headers);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/invalid-webhook' });
    expect(await paymentRow(s, orderId)).toMatchObject({ status: 'authorized', captured_amount: 0 });
  });

  it('404s an unknown provider', async () => {
    expect((await post('paypal', '{}', { 'content-type': 'application/json' })).statusCode).toBe(404);
  });

  describe('stripe', () => {
    const intentEvent = (type: string, intentId: string, paymentId: string) =>
      JSON.stringify({
        id: `evt_${uuidv7().replaceAll('-', '')}`,
        object: 'event',
        type,
        data: { object: { id: intentId, object: 'payment_intent', amount_received: 4200, metadata: { paymentId } } },
      });
    const sign = (payload: string, timestamp?: number) =>
      Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET, timestamp });

    async function stripePayment(): Promise<{ paymentId: string; orderId: string; intentId: string }> {
      const ids = { paymentId: uuidv7(), orderId: uuidv7(), intentId: `pi_${uuidv7().replaceAll('-', '')}` };
      await paymentsDb(s).query(
        `INSERT INTO payments (id, order_id, customer_id, amount, currency, provider, provider_ref, status, shipping_country, risk_score, risk_decision)
         VALUES ($1, $2, $3, 4200, 'EUR', 'stripe', $4, 'authorized', 'DE', 0, 'allow')`,
        [ids.paymentId, ids.orderId, uuidv7(), ids.intentId],
      );
      return ids;
    }

    it('verifies signatures made by the SDK test helper and applies the event once', async () => {
      const { paymentId, orderId, intentId } = await stripePayment();
      const payload = intentEvent('payment_intent.succeeded', intentId, paymentId);
      const headers = { 'content-type': 'application/json', 'stripe-signature': sign(payload) };
      const first = await post('stripe', payload, headers);
      expect(first.json()).toEqual({ received: true, duplicate: false, outcome: 'applied' });
      expect((await post('stripe', payload, headers)).json()).toMatchObject({ duplicate: true });
      await s.waitForEvent(PaymentCaptured, (e) => e.payload.orderId === orderId);
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'captured', captured_amount: 4200 });
    });

    it.each([
      ['no data', { id: 'evt_1', type: 'payment_intent.succeeded' }],
      ['data without an object', { id: 'evt_2', type: 'payment_intent.succeeded', data: {} }],
      ['a null body', null],
      [
        'an amount that is a string',
        { id: 'evt_3', type: 'payment_intent.succeeded', data: { object: { amount_received: '1' } } },
      ],
    ])('answers a signed event with %s with 400', async (_shape, event) => {
      const payload = JSON.stringify(event);
      const response = await post('stripe', payload, {
        'content-type': 'application/json',
        'stripe-signature': sign(payload),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ type: '/problems/invalid-webhook' });
    });

    it('rejects a wrong secret, a stale and a future timestamp with 400', async () => {
      const { paymentId, orderId, intentId } = await stripePayment();
      const payload = intentEvent('payment_intent.succeeded', intentId, paymentId);
      const now = Math.floor(Date.now() / 1000);
      const headers = [
        Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' }),
        sign(payload, now - 301),
        sign(payload, now + 301),
      ];
      for (const signature of headers) {
        const response = await post('stripe', payload, {
          'content-type': 'application/json',
          'stripe-signature': signature,
        });
        expect(response.statusCode).toBe(400);
      }
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'authorized' });
    });
  });
});
