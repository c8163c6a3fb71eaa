import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { randomUUID } from 'node:crypto';
import { ToolCallExecutor, ToolMessage } from '../../src/modules/ai/application/data-tools/tool-call-executor';
import { CompleteFn, ToolLoop } from '../../src/modules/ai/application/data-tools/tool-loop';
import { ModuleDataSources } from '../../src/platform/database';
import { dataToolContracts } from '../../src/platform/messaging/contracts';
import { OpenAiCompatibleServer, ScriptedToolCall } from '../support/openai-compatible-server';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The parameter manager end to end: real modules answer their data tools over the bus, real
 * PostgreSQL holds grants and the audit, and the official `openai` SDK talks to a loopback
 * OpenAI-compatible server that asks for the tool calls.
 */
describe('AI data tools: scopes, acting-user filter, limits, writes refused, audit', () => {
  let t: TestApp;
  let shop: Shop;
  let server: OpenAiCompatibleServer;
  let client: OpenAI;
  let executor: ToolCallExecutor;
  let loop: ToolLoop;
  let alice: { id: string; auth: Record<string, string> };
  let bob: { id: string; auth: Record<string, string> };
  let aliceOrder: Json;
  let bobOrder: Json;
  let productId: string;

  const ASSISTANT = 'orders.order-assistant';
  const RISK = 'payments.risk-explanations';

  const grants = (feature: string, body: Json, auth: Record<string, string> = shop.admin()) =>
    shop.request('PATCH', `/ai/data-tool-grants/${feature}`, auth, body);

  /** One model call through the SDK: the prompt, then the loop's conversation, with the tools offered. */
  const complete: CompleteFn = async (conversation, tools) => {
    const response = await client.chat.completions.create({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'You help a shopper with their orders.' },
        { role: 'user', content: 'Where is my order?' },
        ...(conversation as unknown as ChatCompletionMessageParam[]),
      ],
      ...(tools.length ? { tools: tools as unknown as ChatCompletionTool[] } : {}),
      max_completion_tokens: 200,
    });
    const message = response.choices[0].message;
    return { content: message.content, toolCalls: message.tool_calls ?? [], callId: randomUUID() };
  };

  /** The model asks for `calls` in one turn, then answers `Done.`. */
  const modelAsks = (...calls: ScriptedToolCall[]) =>
    server.reply({ type: 'completion', toolCalls: calls }, { type: 'completion', content: 'Done.' });

  const toolMessagesOf = (requestIndex: number) =>
    (server.chatRequests[requestIndex].messages as { role: string; content: string; tool_call_id?: string }[]).filter(
      (m) => m.role === 'tool',
    );

  const audit = async (query: string): Promise<Json[]> => {
    const page = await shop.request('GET', `/ai/tool-calls?${query}`, shop.admin());
    expect(page.status).toBe(200);
    return page.body.items;
  };

  const call = (name: string, args: Json | string, id = `call_${randomUUID().slice(0, 8)}`) => ({
    id,
    type: 'function' as const,
    function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
  });

  const rowsOf = (message: ToolMessage) => JSON.parse(message.content) as { rows?: Json[]; error?: string };

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        OUTBOX_POLL_MS: '50',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
      },
    });
    shop = new Shop(t.app);
    executor = t.app.get(ToolCallExecutor);
    loop = t.app.get(ToolLoop);
    const product = await shop.createProduct(20, 1999);
    productId = product.productId;
    const orderOf = async (customer: { auth: Record<string, string> }) => {
      const cartId = await shop.cartWith(customer.auth, [{ variantId: product.variantId, quantity: 1 }]);
      const placed = await shop.placeOrder(customer.auth, cartId);
      return shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled']);
    };
    alice = await shop.signUp();
    bob = await shop.signUp();
    aliceOrder = await orderOf(alice);
    bobOrder = await orderOf(bob);
    expect([aliceOrder.status, bobOrder.status]).toEqual(['confirmed', 'confirmed']);
    expect(
      (await grants(ASSISTANT, { grant: ['catalog:read', 'orders:read:own'], reason: 'order assistant' })).status,
    ).toBe(200);
  }, 60_000);
  afterAll(() => t.close());

  beforeEach(async () => {
    server = await OpenAiCompatibleServer.start();
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test-key', maxRetries: 0, timeout: 10_000 });
  });
  afterEach(async () => {
    expect(server.pendingReplies).toBe(0);
    await server.close();
  });

  it("a customer-facing feature reads only its user's orders: another customer's order is zero rows, and the model is told nothing of it", async () => {
    modelAsks(
      { id: 'c_theirs', name: 'orders_customer_orders', arguments: { orderId: bobOrder.id } },
      { id: 'c_mine', name: 'orders_customer_orders', arguments: {} },
      { id: 'c_smuggle', name: 'orders_customer_orders', arguments: { customerId: bob.id } },
      { id: 'c_product', name: 'catalog_product_facts', arguments: { product: productId } },
    );
    const result = await loop.run({ feature: ASSISTANT, actorUserId: alice.id, complete });

    expect(result).toMatchObject({ content: 'Done.', modelCalls: 2, toolCalls: 4 });
    // The model was offered exactly the tools the grants reach.
    expect((server.chatRequests[0] as Json).tools?.map((tool: Json) => tool.function.name).sort()).toEqual([
      'catalog_product_facts',
      'orders_customer_orders',
    ]);
    const answers = Object.fromEntries(toolMessagesOf(1).map((m) => [m.tool_call_id, JSON.parse(m.content)]));
    expect(answers.c_theirs).toEqual({ rows: [], truncated: false });
    expect(answers.c_mine.rows.map((r: Json) => r.orderId)).toEqual([aliceOrder.id]);
    expect(answers.c_smuggle.rows.map((r: Json) => r.orderId)).toEqual([aliceOrder.id]);
    expect(answers.c_product.rows[0]).toMatchObject({ productId, variants: [{ price: { amount: 1999 } }] });
    // The projection: no address, no customer id, no payment token.
    expect(Object.keys(answers.c_mine.rows[0]).sort()).toEqual(
      ['cancelReason', 'carrier', 'itemCount', 'lines', 'orderId', 'placedAt', 'shippedAt', 'status', 'total'].sort(),
    );
    const toolAnswers = toolMessagesOf(1)
      .map((m) => m.content)
      .join();
    expect(toolAnswers).not.toContain(bobOrder.id);
    expect(toolAnswers).not.toContain(alice.id);
    expect(toolAnswers).not.toContain('Analytical');

    const lines = await audit(`feature=${ASSISTANT}&actorUserId=${alice.id}&limit=10`);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => [l.toolCallId, l.verdict, l.rowsReturned, l.reach]).sort()).toEqual(
      [
        ['c_mine', 'allowed', 1, 'own'],
        ['c_product', 'allowed', 1, 'any'],
        ['c_smuggle', 'allowed', 1, 'own'],
        ['c_theirs', 'allowed', 0, 'own'],
      ].sort(),
    );
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.argumentsSha256) && l.grantsVersion >= 1)).toBe(true);
  });

  it("no tool gives a feature without orders:read:any another customer's order, whatever id the model passes", async () => {
    const tools = (await shop.request('GET', '/ai/data-tools', shop.admin())).body.items as Json[];
    // Every data tool a module declares is in the AI catalogue (none forgotten), and nothing else.
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      dataToolContracts()
        .map((c) => c.dataTool!.name)
        .sort(),
    );
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['catalog_product_facts', 'orders_customer_orders', 'payments_risk_signals']),
    );
    const payment = (await shop.request('GET', `/payments?orderId=${bobOrder.id}`, bob.auth)).body.items[0];
    const bobsIds = [bobOrder.id, bob.id, payment.id];
    const calls = tools.flatMap((tool) =>
      Object.entries(tool.parameters as Record<string, Json>).flatMap(([name, schema]) =>
        schema.type === 'string' && !schema.enum ? bobsIds.map((id) => call(tool.name, { [name]: id })) : [],
      ),
    );
    expect(calls.length).toBeGreaterThanOrEqual(9);
    const answers: ToolMessage[] = [];
    for (const one of calls)
      answers.push(...(await executor.answer({ feature: ASSISTANT, actorUserId: alice.id, toolCalls: [one] })));
    const leaked = answers.filter((a) => JSON.stringify(rowsOf(a).rows ?? []).includes(bobOrder.id));
    expect(leaked).toEqual([]);
    // The risk tool is refused outright (its scope is not the assistant's), and audited as such.
    expect(
      answers.filter((a, i) => calls[i].function.name === 'payments_risk_signals').map((a) => rowsOf(a).error),
    ).toEqual(['refused_scope', 'refused_scope', 'refused_scope', 'refused_scope', 'refused_scope', 'refused_scope']);
    // An admin feature granted orders:read:any does read it.
    expect((await grants(RISK, { grant: ['orders:read:any'], reason: 'reviewers see the order' })).status).toBe(200);
    const [any] = await executor.answer({
      feature: RISK,
      actorUserId: null,
      toolCalls: [call('orders_customer_orders', { orderId: bobOrder.id })],
    });
    expect(rowsOf(any).rows!.map((r) => r.orderId)).toEqual([bobOrder.id]);
  });

  it('a revoke applies to the very next tool call, and to the tools the model is offered', async () => {
    const before = await executor.answer({
      feature: ASSISTANT,
      actorUserId: alice.id,
      toolCalls: [call('orders_customer_orders', {})],
    });
    expect(rowsOf(before[0]).rows).toHaveLength(1);

    const revoked = await grants(ASSISTANT, { revoke: ['orders:read:own'], reason: 'incident 42' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.scopes).toEqual(['catalog:read']);
    const after = await executor.answer({
      feature: ASSISTANT,
      actorUserId: alice.id,
      toolCalls: [call('orders_customer_orders', {}, 'c_after')],
    });
    expect(rowsOf(after[0])).toEqual({ error: 'refused_scope', detail: expect.stringContaining('orders:read') });
    const [line] = await audit(`feature=${ASSISTANT}&limit=1`);
    expect(line).toMatchObject({
      toolCallId: 'c_after',
      verdict: 'refused_scope',
      grantsVersion: revoked.body.version,
    });

    server.reply({ type: 'completion', content: 'I cannot see orders.' });
    await loop.run({ feature: ASSISTANT, actorUserId: alice.id, complete });
    expect((server.chatRequests[0] as Json).tools?.map((tool: Json) => tool.function.name)).toEqual([
      'catalog_product_facts',
    ]);

    const history = await shop.request('GET', `/ai/data-tool-grants/${ASSISTANT}`, shop.admin());
    expect(history.body.history.map((v: Json) => [v.version, v.scopes, v.reason])).toEqual([
      [revoked.body.version, ['catalog:read'], 'incident 42'],
      [revoked.body.version - 1, ['catalog:read', 'orders:read:own'], 'order assistant'],
    ]);
    expect(history.body.history[0].changedBy).toEqual(expect.any(String));
    expect((await grants(ASSISTANT, { grant: ['orders:read:own'], reason: 'incident closed' })).status).toBe(200);
  });

  it('refuses writes: a model naming a command gets refused_write, and nothing changes', async () => {
    modelAsks({ id: 'c_refund', name: 'payments_refund_payment', arguments: { orderId: aliceOrder.id } });
    await loop.run({ feature: ASSISTANT, actorUserId: alice.id, complete });
    expect(JSON.parse(toolMessagesOf(1)[0].content)).toEqual({
      error: 'refused_write',
      detail: expect.stringContaining('a person'),
    });
    expect(await shop.paymentStatuses(alice.auth, aliceOrder.id)).toEqual(['captured']);
    const [line] = await audit(`verdict=refused_write&limit=1`);
    expect(line).toMatchObject({ toolCallId: 'c_refund', tool: 'payments_refund_payment', scope: null });
  });

  it('enforces calls per turn and rows per call, refuses bad arguments and unknown tools, and audits each', async () => {
    const limited = await grants(RISK, { limits: { maxToolCallsPerTurn: 3, maxRowsPerCall: 1 }, reason: 'tight' });
    expect(limited.body).toMatchObject({ maxToolCallsPerTurn: 3, maxRowsPerCall: 1 });
    const answers = await executor.answer({
      feature: RISK,
      actorUserId: null,
      toolCalls: [
        call('orders_customer_orders', {}, 'l_all'),
        call('orders_customer_orders', '{"orderId": 42}', 'l_bad'),
        call('orders_drop_table', { sql: 'DROP TABLE orders.orders' }, 'l_unknown'),
        call('orders_customer_orders', {}, 'l_fourth'),
      ],
    });
    expect(rowsOf(answers[0])).toMatchObject({ truncated: true });
    expect(rowsOf(answers[0]).rows).toHaveLength(1);
    expect(answers.slice(1).map((a) => rowsOf(a).error)).toEqual([
      'refused_arguments',
      'refused_unknown',
      'refused_limit',
    ]);
    const lines = await audit(`feature=${RISK}&limit=4`);
    expect(lines.map((l) => [l.toolCallId, l.verdict, l.rowsReturned]).sort()).toEqual(
      [
        ['l_all', 'allowed', 1],
        ['l_bad', 'refused_arguments', 0],
        ['l_unknown', 'refused_unknown', 0],
        ['l_fourth', 'refused_limit', 0],
      ].sort(),
    );
  });

  it('audits tool calls the model makes on the last call of the loop, refused', async () => {
    server.reply(
      {
        type: 'completion',
        toolCalls: [{ id: 'm1', name: 'catalog_product_facts', arguments: { product: productId } }],
      },
      {
        type: 'completion',
        toolCalls: [{ id: 'm2', name: 'catalog_product_facts', arguments: { product: productId } }],
      },
    );
    const result = await loop.run({ feature: ASSISTANT, actorUserId: alice.id, complete, maxModelCalls: 2 });
    expect(result).toMatchObject({ modelCalls: 2, toolCalls: 2, content: null });
    expect((server.chatRequests[1] as Json).tools).toBeUndefined();
    const lines = await audit(`feature=${ASSISTANT}&tool=catalog_product_facts&limit=2`);
    expect(lines.map((l) => [l.toolCallId, l.verdict])).toEqual([
      ['m2', 'refused_limit'],
      ['m1', 'allowed'],
    ]);
  });

  it('keeps grants and the audit append-only for the module itself, and pages the audit by keyset', async () => {
    const ai = t.app.get(ModuleDataSources).get('ai')!;
    await expect(ai.query(`UPDATE tool_calls SET verdict = 'allowed'`)).rejects.toThrow(/permission denied/);
    await expect(ai.query(`DELETE FROM feature_grant_versions`)).rejects.toThrow(/permission denied/);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await shop.request(
        'GET',
        `/ai/tool-calls?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        shop.admin(),
      );
      seen.push(...page.body.items.map((l: Json) => l.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await audit('limit=100');
    expect(seen).toEqual(all.map((l) => l.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('admin only; grants are bounded by what the feature declares', async () => {
    expect((await shop.request('GET', '/ai/tool-calls', alice.auth)).status).toBe(403);
    expect((await grants(ASSISTANT, { grant: ['orders:read:any'], reason: 'no' }, alice.auth)).status).toBe(403);
    const undeclared = await grants(ASSISTANT, { grant: ['orders:read:any'], reason: 'customers see all?' });
    expect(undeclared.status).toBe(422);
    expect(undeclared.body).toMatchObject({ type: expect.stringContaining('scope-not-declared') });
    expect((await grants('catalog.nothing', { grant: ['catalog:read'], reason: 'x' })).status).toBe(404);
    expect((await grants(ASSISTANT, { grant: ['DROP TABLE'], reason: 'x' })).status).toBe(400);
    const unchanged = await grants(ASSISTANT, { grant: ['catalog:read'], reason: 'again' });
    const again = await grants(ASSISTANT, { grant: ['catalog:read'], reason: 'again' });
    expect(again.body.version).toBe(unchanged.body.version);
    const list = await shop.request('GET', '/ai/data-tool-grants', shop.admin());
    expect(list.body.items.map((f: Json) => f.feature)).toEqual(
      expect.arrayContaining([ASSISTANT, RISK, 'catalog.description-drafts']),
    );
  });
});
