import { Client } from 'pg';
import { CompleteChat } from '../../src/modules/ai';
import { RequestContext } from '../../src/platform/context';
import { MessageBus } from '../../src/platform/messaging';
import { bearer } from '../support/auth';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The gateway drives the real `openai` SDK against a loopback OpenAI-compatible server: usage by
 * type priced exactly, SDK retries on 429/5xx counted, the feature's fallback model, unknown models
 * flagged, PII masked before anything is stored, correlation and user ids on every call.
 */
describe('ai: model gateway over the openai SDK', () => {
  let server: OpenAiCompatibleServer;
  let t: TestApp;
  let bus: MessageBus;
  let db: Client;
  let admin: { authorization: string };
  const user = '0190a000-0000-7000-8000-0000000000c1';

  beforeAll(async () => {
    server = await OpenAiCompatibleServer.start();
    t = await createTestApp({
      modules: ['ai'],
      env: { AI_OPENAI_BASE_URL: server.baseURL, AI_OPENAI_API_KEY: 'test-key', AI_MAX_RETRIES: '2' },
    });
    bus = t.app.get(MessageBus);
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = bearer(t.app, ['admin']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/ai/prompts',
      headers: admin,
      payload: {
        name: 'catalog.product-description',
        template: {
          type: 'chat',
          messages: [
            { role: 'system', content: 'You write product copy.' },
            { role: 'user', content: 'Describe {{title}} for {{customer}}.' },
          ],
        },
        variables: ['customer', 'title'],
        settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400 },
        commitMessage: 'first',
        labels: ['production'],
      },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await server.close();
  });
  afterEach(() => expect(server.pendingReplies).toBe(0));

  const ask = (
    variables: Record<string, string> = { title: 'a linen shirt', customer: 'Ann' },
    feature = 'catalog.description-drafts',
  ) =>
    RequestContext.run({ correlationId: 'corr-123' }, () =>
      bus.execute(
        new CompleteChat(feature, 'catalog.product-description', 'production', variables, {
          userId: user,
          callingModule: 'catalog',
        }),
      ),
    );
  const row = async (id: string) => (await db.query('SELECT * FROM ai.calls WHERE id = $1', [id])).rows[0];

  it('prices every token type exactly and logs the call with its usage, prompt version, correlation and user', async () => {
    server.reply({
      type: 'completion',
      content: 'Cool, breathable linen.',
      model: 'gpt-4o-mini-2026-07-18',
      usage: { promptTokens: 2006, completionTokens: 300, cachedTokens: 1920, reasoningTokens: 100 },
    });
    const result = await ask();
    // gpt-4o-mini: $0.15 input, $0.075 cached, $0.60 output (reasoning at output): per token × 10^9 / 10^6.
    // input 86 × 150 = 12 900, cached 1920 × 75 = 144 000, output 200 × 600 = 120 000, reasoning 100 × 600 = 60 000.
    expect(result).toMatchObject({
      content: 'Cool, breathable linen.',
      model: 'gpt-4o-mini-2026-07-18',
      prompt: { name: 'catalog.product-description', label: 'production', version: 1, arm: 'main' },
      usage: { input: 86, cachedInput: 1920, cacheWrite: 0, output: 200, reasoning: 100 },
      cost: { priced: true, amount: '0.000336900', currency: 'USD' },
      fallbackUsed: false,
    });
    expect(server.chatRequests[0]).toMatchObject({ model: 'gpt-4o-mini', max_completion_tokens: 400 });
    const call = await row(result.callId);
    expect(call).toMatchObject({
      outcome: 'ok',
      feature: 'catalog.description-drafts',
      calling_module: 'catalog',
      prompt_name: 'catalog.product-description',
      prompt_version: 1,
      prompt_label: 'production',
      request_model: 'gpt-4o-mini',
      response_model: 'gpt-4o-mini-2026-07-18',
      attempts: 1,
      input_tokens: 86,
      cached_input_tokens: 1920,
      output_tokens: 200,
      reasoning_tokens: 100,
      priced: true,
      cost_input_nanos: '12900',
      cost_cached_input_nanos: '144000',
      cost_output_nanos: '120000',
      cost_reasoning_nanos: '60000',
      cost_nanos: '336900',
      charged_nanos: '336900',
      correlation_id: 'corr-123',
      user_id: user,
    });
    expect(call.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2026-07-18',
      'gen_ai.usage.input_tokens': 2006,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 1920,
      'gen_ai.usage.reasoning.output_tokens': 100,
      'server.address': '127.0.0.1',
    });
    const spend = await db.query(`SELECT * FROM ai.spend_daily WHERE feature = 'catalog.description-drafts'`);
    expect(spend.rows[0]).toMatchObject({
      model: 'gpt-4o-mini-2026-07-18',
      calls: 1,
      ok_calls: 1,
      cost_nanos: '336900',
    });
  });

  it('masks emails, phones, card numbers and street addresses before anything is stored', async () => {
    server.reply({
      type: 'completion',
      content: 'Mail ann.lee@example.com or call +44 20 7946 0958.',
      usage: { promptTokens: 50, completionTokens: 20 },
    });
    const result = await ask({
      title: 'a shirt, card 4111 1111 1111 1111',
      customer: 'Ann at 221B Baker Street, ann.lee@example.com, +1 415 555 0132',
    });
    const call = await row(result.callId);
    const stored = JSON.stringify([call.request_body, call.response_body]);
    for (const secret of [
      'ann.lee@example.com',
      '4111 1111 1111 1111',
      '221B Baker Street',
      '415 555 0132',
      '7946 0958',
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain('[EMAIL]');
    expect(stored).toContain('[CARD]');
    expect(call.pii_counts).toMatchObject({ email: 2, card: 1 });
    // The provider still got the real text: masking is for what Arcade stores.
    expect(JSON.stringify(server.chatRequests.at(-1))).toContain('4111 1111 1111 1111');
  });

  it('counts the SDK retries on 429 and 500, and logs a failure that costs nothing as an error (502 problem)', async () => {
    server.reply(
      { type: 'error', status: 429, retryAfterMs: 1 },
      { type: 'completion', content: 'ok', usage: { promptTokens: 10, completionTokens: 2 } },
    );
    const retried = await ask();
    expect((await row(retried.callId)).attempts).toBe(2);

    server.reply(
      { type: 'error', status: 500, retryAfterMs: 1 },
      { type: 'error', status: 500, retryAfterMs: 1 },
      { type: 'error', status: 500, retryAfterMs: 1 },
    );
    await expect(ask()).rejects.toMatchObject({
      problem: { status: 502, type: 'ai-provider-failed', extensions: { attempts: 3 } },
    });
    const failed = await db.query(`SELECT * FROM ai.calls WHERE outcome = 'error'`);
    expect(failed.rows[0]).toMatchObject({
      attempts: 3,
      http_status: 500,
      error_type: 'server_error',
      charged_nanos: '0',
      cost_nanos: null,
    });
  });

  it("answers with the feature's fallback model when the prompt's model fails", async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/ai/features/fallback.feature',
      headers: admin,
      payload: { captureBodies: false, fallback: { provider: 'openai', model: 'gpt-4.1-nano' } },
    });
    expect(put.statusCode).toBe(200);
    server.reply(
      { type: 'error', status: 503, retryAfterMs: 1 },
      { type: 'error', status: 503, retryAfterMs: 1 },
      { type: 'error', status: 503, retryAfterMs: 1 },
      { type: 'completion', content: 'fallback', usage: { promptTokens: 10, completionTokens: 2 } },
    );
    const result = await ask(undefined, 'fallback.feature');
    expect(result).toMatchObject({ content: 'fallback', fallbackUsed: true, model: 'gpt-4.1-nano' });
    expect(server.chatRequests.at(-1)!.model).toBe('gpt-4.1-nano');
    expect(await row(result.callId)).toMatchObject({
      fallback_used: true,
      attempts: 4,
      request_model: 'gpt-4.1-nano',
      request_body: null,
      response_body: null,
    });
  });

  it('flags a model the price table does not know: never free', async () => {
    server.reply({
      type: 'completion',
      content: 'hi',
      model: 'brand-new-model',
      usage: { promptTokens: 10, completionTokens: 2 },
    });
    const result = await ask();
    expect(result.cost).toEqual({ priced: false, amount: null, currency: null });
    const call = await row(result.callId);
    expect(call).toMatchObject({ priced: false, cost_nanos: null });
    expect(call.warnings.join()).toContain('brand-new-model');
  });

  it('lists calls by filter in keyset pages, shows one in full, and reports stats per prompt version', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin });
    const first = (await get('/ai/calls?feature=catalog.description-drafts&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await get(`/ai/calls?feature=catalog.description-drafts&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(4);
    const errors = (await get('/ai/calls?outcome=error')).json().items;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ outcome: 'error', cost: { priced: false, charged: '0.000000000' } });
    const priced = (await get('/ai/calls?model=gpt-4o-mini-2026-07-18')).json().items;
    expect(priced).toHaveLength(1);
    const one = (await get(`/ai/calls/${priced[0].id}`)).json();
    expect(one).toMatchObject({
      cost: { priced: true, total: '0.000336900', currency: 'USD', breakdown: { cachedInput: '0.000144000' } },
      usage: { input: 86, cachedInput: 1920, output: 200, reasoning: 100 },
      correlationId: 'corr-123',
    });
    expect(one.requestBody.messages[0]).toEqual({ role: 'system', content: 'You write product copy.' });
    expect((await get('/ai/calls/0190a000-0000-7000-8000-000000000999')).statusCode).toBe(404);

    const stats = (await get('/ai/prompts/catalog.product-description/stats')).json().items;
    expect(stats).toEqual([
      expect.objectContaining({ version: 1, arm: 'main', calls: 6, errors: 1, errorRate: 0.1667, unpricedCalls: 1 }),
    ]);
    expect(stats[0].latencyMs.p95).toBeGreaterThanOrEqual(stats[0].latencyMs.p50);
    expect(stats[0].meanCost).toMatch(/^0\.\d{9}$/);
  });
  describe('streaming (stream: true through the SDK)', () => {
    const askStreamed = () =>
      bus.execute(
        new CompleteChat(
          'catalog.description-drafts',
          'catalog.product-description',
          'production',
          { title: 'a linen shirt', customer: 'Ann' },
          { userId: user, callingModule: 'catalog', stream: true },
        ),
      );

    it('assembles the streamed answer, logs time to first token, and prices the usage of the final chunk', async () => {
      server.reply({
        type: 'completion',
        content: 'Cool, breathable linen for warm days.',
        chunkSize: 3,
        model: 'gpt-4o-mini-2026-07-18',
        usage: { promptTokens: 2006, completionTokens: 300, cachedTokens: 1920, reasoningTokens: 100 },
      });
      const result = await askStreamed();
      // The same usage as unstreamed gives the same hand-computed cost (first test of this file).
      expect(result).toMatchObject({
        content: 'Cool, breathable linen for warm days.',
        finishReason: 'stop',
        model: 'gpt-4o-mini-2026-07-18',
        usage: { input: 86, cachedInput: 1920, cacheWrite: 0, output: 200, reasoning: 100 },
        cost: { priced: true, amount: '0.000336900', currency: 'USD' },
      });
      expect(server.chatRequests.at(-1)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      const call = await row(result.callId);
      expect(call).toMatchObject({ outcome: 'ok', streamed: true, usage_reported: true, cost_nanos: '336900' });
      expect(call.ttft_ms).toEqual(expect.any(Number));
      expect(call.ttft_ms).toBeLessThanOrEqual(call.latency_ms);
      expect(call.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'gen_ai.usage.output_tokens': 300 });
      const view = await t.app.inject({ method: 'GET', url: `/ai/calls/${result.callId}`, headers: admin });
      expect(view.json()).toMatchObject({ streamed: true, ttftMs: call.ttft_ms });
    });

    it('assembles streamed tool calls from their deltas', async () => {
      server.reply({
        type: 'completion',
        toolCalls: [
          { id: 'call_a', name: 'catalog_product_facts', arguments: { product: 'p-1' } },
          { id: 'call_b', name: 'catalog_product_facts', arguments: { product: 'p-2' } },
        ],
        chunkSize: 5,
        usage: { promptTokens: 50, completionTokens: 20 },
      });
      const result = await askStreamed();
      expect(result.finishReason).toBe('tool_calls');
      expect(result.toolCalls).toEqual([
        { id: 'call_a', name: 'catalog_product_facts', arguments: '{"product":"p-1"}' },
        { id: 'call_b', name: 'catalog_product_facts', arguments: '{"product":"p-2"}' },
      ]);
      expect(result.usage).toMatchObject({ input: 50, output: 20 });
    });

    it('a stream that breaks off is a failed call: 502, logged as an error, charged nothing', async () => {
      server.reply({ type: 'completion', content: 'This answer never ends because', chunkSize: 2, dropAfterChunks: 4 });
      await expect(askStreamed()).rejects.toMatchObject({ problem: { status: 502, type: 'ai-provider-failed' } });
      const [call] = (
        await db.query(`SELECT * FROM ai.calls WHERE streamed OR outcome = 'error' ORDER BY started_at DESC LIMIT 1`)
      ).rows;
      expect(call).toMatchObject({ outcome: 'error', charged_nanos: '0' });
    });
  });

  it('an answer it cannot read is a logged failure, unusable usage is charged at the estimate, NUL is dropped', async () => {
    const calls = async () => Number((await db.query(`SELECT count(*) AS n FROM ai.calls`)).rows[0].n);
    const before = await calls();
    // An HTML page and a body without choices: failed calls (502 problem), logged, charged nothing.
    server.reply({ type: 'raw', contentType: 'text/html', body: '<html>gateway</html>' });
    await expect(ask()).rejects.toMatchObject({ problem: { status: 502, type: 'ai-provider-failed' } });
    server.reply({ type: 'raw', body: { id: 'x', object: 'chat.completion', model: 'gpt-4o-mini', choices: null } });
    await expect(ask()).rejects.toMatchObject({ problem: { status: 502, type: 'ai-provider-failed' } });
    expect(await calls()).toBe(before + 2);
    const failed = await db.query(`SELECT error_type, charged_nanos FROM ai.calls ORDER BY started_at DESC LIMIT 2`);
    expect(failed.rows).toEqual([
      { error_type: 'invalid_response', charged_nanos: '0' },
      { error_type: 'invalid_response', charged_nanos: '0' },
    ]);

    // Negative, huge or non-numeric counts: the answer is used; no usage is trusted; never free.
    for (const usage of [
      { prompt_tokens: -1000, completion_tokens: 5 },
      { prompt_tokens: 1e300, completion_tokens: 2 ** 53 + 2 },
      { prompt_tokens: 'NaN', completion_tokens: null },
    ]) {
      server.reply({
        type: 'raw',
        body: {
          id: 'x',
          object: 'chat.completion',
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'fine' }, finish_reason: 'stop' }],
          usage,
        },
      });
      const result = await ask();
      expect(result).toMatchObject({ content: 'fine', usage: null });
      const call = await row(result.callId);
      expect(call).toMatchObject({ outcome: 'ok', input_tokens: null, priced: false });
      expect(Number(call.charged_nanos)).toBeGreaterThan(0);
      expect(call.warnings.join()).toContain('not usable');
    }

    // NUL and an unpaired surrogate (PostgreSQL stores neither): dropped / replaced, the call logged.
    server.reply({
      type: 'completion',
      content: 'bad\u0000text \ud800 lone',
      usage: { promptTokens: 3, completionTokens: 2 },
    });
    const odd = await ask();
    expect(odd.content).toBe('badtext \ufffd lone');
    expect((await row(odd.callId)).response_body.content).toBe('badtext \ufffd lone');
  });
});
