import { v7 as uuidv7 } from 'uuid';
import { AuthorizePayment, PaymentAuthorized, PaymentReviewed } from '../../src/modules/payments';
import { ReviewExplanationSweeper } from '../../src/modules/payments/application/review-explanations/review-explanation.sweeper';
import { bearer } from '../support/auth';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { Scenario } from '../support/scenario';
import { paymentsDb } from './payments-support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FEATURE = 'payments.risk-explanations';
const ADDRESS = { line1: '12, Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

/** Holds a payment for review (rules at cold start: a very high amount and a foreign card = 65 → review). */
async function hold(s: Scenario): Promise<{ orderId: string; paymentId: string }> {
  const command = new AuthorizePayment(
    uuidv7(),
    uuidv7(),
    { amount: 600_000, currency: 'EUR' },
    'sandbox',
    'tok_visa',
    'DE',
    {
      shippingAddress: { ...ADDRESS, line1: `${uuidv7()} Main St` },
      lines: [{ productId: uuidv7(), quantity: 1, unitPrice: { amount: 600_000, currency: 'EUR' } }],
    },
  );
  await s.bus.execute(command);
  const held = await s.waitForEvent(PaymentAuthorized, (e) => e.payload.orderId === command.orderId);
  expect(held.payload.heldForReview).toBe(true);
  return { orderId: command.orderId, paymentId: held.payload.paymentId };
}

/**
 * Risk explanations (issues 20 and 21, ADR 0120): the AI module explains a held payment to its
 * reviewer through its contracts (ai.CompleteChatWithDataTools, the seeded payments.risk-explanation
 * prompt, the payments_risk_signals tool under payments:risk:read), against a loopback
 * OpenAI-compatible server through the real SDK. The explanation never decides, and its failure
 * never blocks or fails the review queue.
 */
describe('payments: AI explanations of held payments', () => {
  describe('with a model provider configured', () => {
    let server: OpenAiCompatibleServer;
    let s: Scenario;
    const admin = () => bearer(s.app, ['admin']);
    const get = (url: string) => s.app.inject({ method: 'GET', url, headers: admin() });
    const post = (url: string, payload?: Json) => s.app.inject({ method: 'POST', url, headers: admin(), payload });
    const review = async (paymentId: string) => (await get(`/payments/reviews/${paymentId}`)).json() as Json;
    const sweeper = () => s.app.get(ReviewExplanationSweeper);
    /** The model reads the signals of `paymentId` with the tool, then writes `text`. */
    const modelExplains = (paymentId: string, text: string) =>
      server.reply(
        {
          type: 'completion',
          toolCalls: [{ id: 'signals', name: 'payments_risk_signals', arguments: { paymentId } }],
          usage: { promptTokens: 200, completionTokens: 20 },
        },
        { type: 'completion', content: text, usage: { promptTokens: 400, completionTokens: 60 } },
      );

    beforeAll(async () => {
      server = await OpenAiCompatibleServer.start();
      s = await Scenario.start({
        modules: ['payments', 'ai'],
        env: {
          AI_OPENAI_BASE_URL: server.baseURL,
          AI_OPENAI_API_KEY: 'test-key',
          AI_MAX_RETRIES: '0',
          FRAUD_MODEL_CACHE_MS: '0',
          FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0',
          FRAUD_EXPLANATION_INTERVAL_MS: '0',
          FRAUD_EXPLANATION_ATTEMPTS: '2',
          OUTBOX_POLL_MS: '50',
        },
      });
      const granted = await s.app.inject({
        method: 'PATCH',
        url: `/ai/data-tool-grants/${FEATURE}`,
        headers: admin(),
        payload: { grant: ['payments:risk:read'], reason: 'reviewers read explanations of risk signals' },
      });
      expect(granted.statusCode).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await s.close();
      await server.close();
    });
    afterEach(() => expect(server.pendingReplies).toBe(0));

    it('ships the first version of payments.risk-explanation in the vault, labelled production', async () => {
      const prompt = await get('/ai/prompts/payments.risk-explanation');
      expect(prompt.statusCode).toBe(200);
      expect(prompt.json()).toMatchObject({ name: 'payments.risk-explanation' });
      const version = await get('/ai/prompts/payments.risk-explanation/versions/1');
      expect(version.json()).toMatchObject({ version: 1, variables: ['paymentId', 'orderId'] });
      expect(JSON.stringify(prompt.json())).toContain('production');
    });

    it('explains a held payment from its signals in the background; the queue shows it; it decides nothing', async () => {
      const { orderId, paymentId } = await hold(s);
      const queued = (await get('/payments/reviews?limit=100')).json() as { items: Json[] };
      expect(queued.items.find((r) => r.paymentId === paymentId)).toMatchObject({
        status: 'pending',
        explanation: { status: 'pending', text: null },
      });

      modelExplains(paymentId, 'A very high amount on a card from another country than the shipping address.');
      const settled = await sweeper().sweep();
      const explained = await review(paymentId);
      expect([settled, explained.explanation.problem]).toEqual([1, null]);
      expect(explained).toMatchObject({
        status: 'pending',
        explanation: {
          status: 'ready',
          text: 'A very high amount on a card from another country than the shipping address.',
          promptName: 'payments.risk-explanation',
          promptVersion: 1,
          aiCallId: expect.any(String),
          problem: null,
        },
      });
      const listed = (await get('/payments/reviews?limit=100')).json() as { items: Json[] };
      expect(listed.items.find((r) => r.paymentId === paymentId)!.explanation.status).toBe('ready');

      // The model was given the rendered prompt, offered the tool, and read the payment's signals through it.
      const [first, second] = server.chatRequests.slice(-2) as Json[];
      expect(JSON.stringify(first.messages)).toContain(`payment ${paymentId} (order ${orderId})`);
      expect((first.tools as Json[]).map((tool) => tool.function.name)).toEqual(['payments_risk_signals']);
      const answer = JSON.parse((second.messages as Json[]).find((m) => m.role === 'tool')!.content);
      expect(answer.rows[0]).toMatchObject({
        paymentId,
        riskScore: 65,
        riskDecision: 'review',
        decidedBy: 'rules',
        modelScore: null,
        topFeatures: [],
      });
      expect(answer.rows[0]).not.toHaveProperty('providerRef');

      // The call and the tool call are in the AI module's log and audit, as payments' feature.
      const audit = await get(`/ai/tool-calls?feature=${FEATURE}&limit=1`);
      expect(audit.json().items[0]).toMatchObject({
        tool: 'payments_risk_signals',
        verdict: 'allowed',
        rowsReturned: 1,
        promptName: 'payments.risk-explanation',
      });
      const call = await get(`/ai/calls/${explained.explanation.aiCallId}`);
      expect(call.json()).toMatchObject({ feature: FEATURE, callingModule: 'payments', outcome: 'ok' });

      // Nothing was decided: the review waits for a person, who decides as usual.
      expect((await post(`/payments/reviews/${paymentId}/approve`)).statusCode).toBe(200);
      await s.waitForEvent(PaymentReviewed, (e) => e.payload.orderId === orderId);
      expect(await sweeper().sweep()).toBe(0);
    });

    it('a failing provider never blocks the queue: retried, then failed after the allowed attempts', async () => {
      const { paymentId } = await hold(s);
      server.reply({ type: 'error', status: 500 });
      expect(await sweeper().sweep()).toBe(0);
      expect((await review(paymentId)).explanation).toMatchObject({ status: 'pending', problem: 'ai-provider-failed' });
      // Not due yet (backing off): nothing is asked.
      expect(await sweeper().sweep()).toBe(0);

      const queue = await get('/payments/reviews?limit=100');
      expect(queue.statusCode).toBe(200);
      await paymentsDb(s).query(`UPDATE fraud_review_explanations SET next_attempt_at = now() WHERE payment_id = $1`, [
        paymentId,
      ]);
      server.reply({ type: 'error', status: 500 });
      expect(await sweeper().sweep()).toBe(1);
      expect((await review(paymentId)).explanation).toMatchObject({
        status: 'failed',
        problem: 'ai-provider-failed',
        text: null,
      });

      // An admin asks again on demand: a new text replaces the failure; the review is still pending.
      modelExplains(paymentId, 'The amount is far above this card’s usual payments.');
      const asked = await post(`/payments/reviews/${paymentId}/explanation`);
      expect(asked.statusCode).toBe(200);
      expect(asked.json()).toMatchObject({
        status: 'pending',
        explanation: { status: 'ready', text: 'The amount is far above this card’s usual payments.' },
      });
      // A failing regeneration keeps the stored text and answers a problem; rejecting still works.
      server.reply({ type: 'error', status: 500 });
      const failed = await post(`/payments/reviews/${paymentId}/explanation`);
      expect(failed.statusCode).toBe(502);
      expect(failed.headers['content-type']).toContain('application/problem+json');
      expect(failed.json()).toMatchObject({ problem: 'ai-provider-failed' });
      expect((await review(paymentId)).explanation.status).toBe('ready');
      expect((await post(`/payments/reviews/${paymentId}/reject`)).statusCode).toBe(200);
    });

    it('a review decided before its explanation was written is skipped, not explained', async () => {
      const { paymentId } = await hold(s);
      expect((await post(`/payments/reviews/${paymentId}/reject`)).statusCode).toBe(200);
      expect(await sweeper().sweep()).toBe(0);
      expect((await review(paymentId)).explanation).toMatchObject({ status: 'skipped' });
    });

    it('admins only; an unknown review is a 404 problem', async () => {
      const { paymentId } = await hold(s);
      const customer = bearer(s.app);
      expect(
        (await s.app.inject({ method: 'GET', url: `/payments/reviews/${paymentId}`, headers: customer })).statusCode,
      ).toBe(403);
      expect(
        (await s.app.inject({ method: 'POST', url: `/payments/reviews/${paymentId}/explanation`, headers: customer }))
          .statusCode,
      ).toBe(403);
      expect((await get(`/payments/reviews/${uuidv7()}`)).statusCode).toBe(404);
      expect((await post(`/payments/reviews/${uuidv7()}/explanation`)).statusCode).toBe(404);
      expect((await get(`/payments/reviews/not-an-id`)).statusCode).toBe(400);
      await post(`/payments/reviews/${paymentId}/reject`);
    });
  });

  describe('with no model provider', () => {
    let s: Scenario;
    beforeAll(async () => {
      s = await Scenario.start({
        modules: ['payments', 'ai'],
        env: { FRAUD_EXPLANATION_INTERVAL_MS: '0', FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0', OUTBOX_POLL_MS: '50' },
      });
    }, 60_000);
    afterAll(() => s.close());

    it('the explanation is disabled, the queue and its decisions work as before', async () => {
      const admin = bearer(s.app, ['admin']);
      const { orderId, paymentId } = await hold(s);
      expect(await s.app.get(ReviewExplanationSweeper).sweep()).toBe(1);
      const view = await s.app.inject({ method: 'GET', url: `/payments/reviews/${paymentId}`, headers: admin });
      expect(view.json()).toMatchObject({ status: 'pending', explanation: { status: 'disabled', text: null } });
      const asked = await s.app.inject({
        method: 'POST',
        url: `/payments/reviews/${paymentId}/explanation`,
        headers: admin,
      });
      expect(asked.statusCode).toBe(503);
      expect(asked.json()).toMatchObject({ type: expect.stringContaining('ai-disabled') });
      const approved = await s.app.inject({
        method: 'POST',
        url: `/payments/reviews/${paymentId}/approve`,
        headers: admin,
      });
      expect(approved.statusCode).toBe(200);
      await s.waitForEvent(PaymentReviewed, (e) => e.payload.orderId === orderId);
    });
  });
});
