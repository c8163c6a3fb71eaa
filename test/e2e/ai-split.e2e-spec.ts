import { natsAvailable } from '../extraction/support/split-apps';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { Headers, HttpShop } from './support/http-shop';
import { ADMIN, Topology } from './support/topology';

/** The AI module in a process of its own (`MODULES=ai`), everything else in the entry point's. */
const AI_APART: Readonly<Record<string, readonly string[]>> = {
  main: [
    'accounts',
    'catalog',
    'cart',
    'orders',
    'notifications',
    'shipping',
    'promotions',
    'tax',
    'payments',
    'recommendations',
  ],
  ai: ['ai'],
};

const splitOnly = natsAvailable('the AI split-topology run') ? describe : describe.skip;

/**
 * Issue 20: the AI module runs in its own process and the description-draft journey passes there,
 * spoken only in HTTP to the one entry point. Catalog (main process) asks ai.CompleteChatWithDataTools
 * over NATS; the AI process calls the model (a loopback OpenAI-compatible server, through the real
 * SDK), which asks for the catalog_product_facts tool; the AI process asks catalog for it over NATS
 * again; the draft comes back to catalog, and a person accepts it.
 */
splitOnly('AI description drafts with the AI module in its own process (split topology, NATS)', () => {
  let server: OpenAiCompatibleServer;
  let topology: Topology;
  let shop: HttpShop;
  let admin: Headers;

  beforeAll(async () => {
    server = await OpenAiCompatibleServer.start();
    topology = await Topology.start('split', {
      processes: AI_APART,
      env: {
        AI_OPENAI_BASE_URL: server.baseURL,
        AI_OPENAI_API_KEY: 'test-key',
        AI_MAX_RETRIES: '0',
        // A US test card shipping to Germany scores 20: held for review (a payment to explain).
        RISK_REVIEW_SCORE: '20',
        FRAUD_EXPLANATION_INTERVAL_MS: '200',
      },
    });
    shop = new HttpShop(topology.baseUrl);
    admin = await shop.login(ADMIN.email, ADMIN.password);
    shop.shippingMethodId = await shop.createShippingMethod(admin);
  }, 180_000);
  afterAll(async () => {
    await topology?.stop();
    await server?.close();
  }, 60_000);

  it('drafts a description across processes, and nothing changes until a person accepts it', async () => {
    const { productId } = await shop.createProduct(admin, 5, 12_900);
    const prompt = await shop.request('POST', '/ai/prompts', admin, {
      name: 'catalog.product-description',
      template: {
        type: 'chat',
        messages: [
          { role: 'system', content: 'You write product copy from the facts the catalog tool gives you.' },
          { role: 'user', content: 'Write a description of {{title}}.' },
        ],
      },
      variables: ['title'],
      settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400 },
      commitMessage: 'first',
      labels: ['production'],
    });
    expect(prompt.status).toBe(201);
    const granted = await shop.request('PATCH', '/ai/data-tool-grants/catalog.description-drafts', admin, {
      grant: ['catalog:read'],
      reason: 'drafts read product facts',
    });
    expect(granted.status).toBe(200);

    server.reply(
      {
        type: 'completion',
        toolCalls: [{ id: 'facts', name: 'catalog_product_facts', arguments: { product: productId } }],
        usage: { promptTokens: 120, completionTokens: 20 },
      },
      {
        type: 'completion',
        content: 'A roomy tent, drafted in another process.',
        usage: { promptTokens: 300, completionTokens: 60 },
      },
    );
    const before = (await shop.request('GET', `/catalog/products/${productId}`)).body;
    const draft = await shop.request('POST', `/catalog/products/${productId}/description-drafts`, admin);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      productId,
      status: 'proposed',
      text: 'A roomy tent, drafted in another process.',
      promptName: 'catalog.product-description',
      promptVersion: 1,
    });
    expect(server.pendingReplies).toBe(0);
    // The tool's answer reached the model: catalog's facts, fetched by the AI process over NATS.
    const toolAnswer = (server.chatRequests.at(-1)!.messages as { role: string; content: string }[]).find(
      (m) => m.role === 'tool',
    )!;
    expect(JSON.parse(toolAnswer.content).rows[0]).toMatchObject({ productId, title: before.title });

    // The AI process logged both model calls for catalog, and audited the tool call.
    const calls = await shop.request('GET', '/ai/calls?feature=catalog.description-drafts&limit=5', admin);
    expect(calls.status).toBe(200);
    expect(
      calls.body.items.map((c: { callingModule: string; outcome: string }) => [c.callingModule, c.outcome]),
    ).toEqual([
      ['catalog', 'ok'],
      ['catalog', 'ok'],
    ]);
    const audit = await shop.request('GET', '/ai/tool-calls?feature=catalog.description-drafts&limit=1', admin);
    expect(audit.body.items[0]).toMatchObject({ tool: 'catalog_product_facts', verdict: 'allowed', rowsReturned: 1 });

    expect((await shop.request('GET', `/catalog/products/${productId}`)).body.description).toBe(before.description);
    const accepted = await shop.request(
      'POST',
      `/catalog/products/${productId}/description-drafts/${draft.body.id}/accept`,
      admin,
    );
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect((await shop.request('GET', `/catalog/products/${productId}`)).body.description).toBe(
      'A roomy tent, drafted in another process.',
    );
  });

  it('explains a held payment to its reviewer across processes (payments → ai → payments over NATS); a person decides', async () => {
    const granted = await shop.request('PATCH', '/ai/data-tool-grants/payments.risk-explanations', admin, {
      grant: ['payments:risk:read'],
      reason: 'reviewers read explanations',
    });
    expect(granted.status).toBe(200);
    const { variantId } = await shop.createProduct(admin, 5, 3000);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed.status).toBe(202);
    const orderId = placed.body.id as string;
    server.reply(
      {
        type: 'completion',
        toolCalls: [{ id: 'signals', name: 'payments_risk_signals', arguments: { orderId } }],
        usage: { promptTokens: 200, completionTokens: 20 },
      },
      {
        type: 'completion',
        content: 'The card is from another country than the shipping address.',
        usage: { promptTokens: 400, completionTokens: 40 },
      },
    );

    let review: { paymentId: string; status: string; explanation: { status: string; text: string | null } } | undefined;
    await shop.eventually(async () => {
      const queue = await shop.request('GET', '/payments/reviews?limit=100', admin);
      review = queue.body.items.find((r: { orderId: string }) => r.orderId === orderId);
      return review?.explanation?.status === 'ready';
    }, 'the review explained');
    expect(review).toMatchObject({
      status: 'pending',
      explanation: {
        status: 'ready',
        text: 'The card is from another country than the shipping address.',
        promptName: 'payments.risk-explanation',
        promptVersion: 1,
      },
    });
    // The model read payments' signals through the tool, answered by the payments module in the other process.
    const toolAnswer = (server.chatRequests.at(-1)!.messages as { role: string; content: string }[]).find(
      (m) => m.role === 'tool',
    )!;
    expect(JSON.parse(toolAnswer.content).rows[0]).toMatchObject({
      orderId,
      riskDecision: 'review',
      riskReasons: expect.arrayContaining(['country_mismatch']),
    });

    const approved = await shop.request('POST', `/payments/reviews/${review!.paymentId}/approve`, admin);
    expect(approved.status).toBe(200);
    expect((await shop.orderUntil(customer.auth, orderId, ['confirmed', 'cancelled'])).status).toBe('confirmed');
  });

  it('a customer is refused, and an AI process that is down makes drafting a 503 problem, not a 500', async () => {
    const customer = await shop.signUp();
    const { productId } = await shop.createProduct(admin, 1, 1000);
    expect(
      (await shop.request('POST', `/catalog/products/${productId}/description-drafts`, customer.auth)).status,
    ).toBe(403);
    await topology.kill('ai', 'SIGTERM');
    const down = await shop.request('POST', `/catalog/products/${productId}/description-drafts`, admin);
    expect(down.status).toBe(503);
    // The rest of the shop is unaffected.
    expect((await shop.request('GET', `/catalog/products/${productId}`)).status).toBe(200);
  });
});
