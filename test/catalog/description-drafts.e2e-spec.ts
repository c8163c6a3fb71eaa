import { Client } from 'pg';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Product description drafts (issue 20): catalog asks ai.CompleteChatWithDataTools; the model (a
 * loopback OpenAI-compatible server, through the real SDK and the real gateway) reads the product
 * with the catalog_product_facts tool; the draft changes nothing until a person accepts it.
 */
describe('product description drafts: AI proposes, a person decides', () => {
  let server: OpenAiCompatibleServer;
  let t: TestApp;
  let shop: Shop;
  let db: Client;
  let productId: string;
  const FEATURE = 'catalog.description-drafts';

  const drafts = (path = '', auth: Record<string, string> = shop.admin()) =>
    shop.request('POST', `/catalog/products/${productId}/description-drafts${path}`, auth);
  const grants = (body: Json) => shop.request('PATCH', `/ai/data-tool-grants/${FEATURE}`, shop.admin(), body);
  /** The two chat requests of the last draft (the server records every request of the suite). */
  const lastTwo = () => server.chatRequests.slice(-2) as Json[];
  /** The model reads the product's facts, then writes `text`. */
  const modelWrites = (text: string) =>
    server.reply(
      {
        type: 'completion',
        toolCalls: [{ id: 'facts', name: 'catalog_product_facts', arguments: { product: productId } }],
        usage: { promptTokens: 120, completionTokens: 20 },
      },
      { type: 'completion', content: text, usage: { promptTokens: 300, completionTokens: 60 } },
    );

  beforeAll(async () => {
    server = await OpenAiCompatibleServer.start();
    t = await createTestApp({
      env: { AI_OPENAI_BASE_URL: server.baseURL, AI_OPENAI_API_KEY: 'test-key', AI_MAX_RETRIES: '0' },
    });
    shop = new Shop(t.app);
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    productId = (await shop.createProduct(5, 12_900)).productId;
    const prompt = await shop.request('POST', '/ai/prompts', shop.admin(), {
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
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await t.close();
    await server.close();
  });
  afterEach(() => expect(server.pendingReplies).toBe(0));

  it('without the catalog:read grant the model cannot read the product (refused, audited)', async () => {
    modelWrites('A tent.');
    const draft = await drafts();
    expect(draft.status).toBe(201);
    expect(lastTwo()[0]).not.toHaveProperty('tools');
    const tool = (lastTwo()[1].messages as Json[]).find((m) => m.role === 'tool')!;
    expect(JSON.parse(tool.content)).toMatchObject({ error: 'refused_scope' });
    expect((await drafts(`/${draft.body.id}/discard`)).status).toBe(200);
  });

  it('drafts from the product facts, changes nothing until accepted, then publishes the accepted text', async () => {
    expect((await grants({ grant: ['catalog:read'], reason: 'drafts read product facts' })).status).toBe(200);
    const before = (await shop.request('GET', `/catalog/products/${productId}`)).body;
    modelWrites('A roomy two-person tent that pitches in minutes.');

    const draft = await drafts();
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      productId,
      status: 'proposed',
      text: 'A roomy two-person tent that pitches in minutes.',
      promptName: 'catalog.product-description',
      promptVersion: 1,
      decidedBy: null,
    });
    // The model was offered the tool, asked for it, and got the product's facts back.
    expect((lastTwo()[0].tools as Json[]).map((tool) => tool.function.name)).toEqual(['catalog_product_facts']);
    const answer = (lastTwo()[1].messages as Json[]).find((m) => m.role === 'tool')!;
    expect(JSON.parse(answer.content).rows[0]).toMatchObject({
      productId,
      title: before.title,
      variants: [{ price: { amount: 12_900, currency: 'EUR' } }],
    });
    // Nothing is published without a person.
    expect((await shop.request('GET', `/catalog/products/${productId}`)).body.description).toBe(before.description);

    // Both model calls are in the AI call log; the tool call is in the audit with its model call and prompt version.
    const calls = await db.query(
      `SELECT id, outcome, calling_module FROM ai.calls WHERE feature = $1 ORDER BY started_at DESC LIMIT 2`,
      [FEATURE],
    );
    expect(calls.rows.map((r) => [r.outcome, r.calling_module])).toEqual([
      ['ok', 'catalog'],
      ['ok', 'catalog'],
    ]);
    expect(calls.rows.map((r) => r.id)).toContain(draft.body.aiCallId);
    const audit = await shop.request('GET', `/ai/tool-calls?feature=${FEATURE}&limit=1`, shop.admin());
    expect(audit.body.items[0]).toMatchObject({
      tool: 'catalog_product_facts',
      verdict: 'allowed',
      rowsReturned: 1,
      promptName: 'catalog.product-description',
      promptVersion: 1,
      callId: calls.rows[1].id,
    });

    const accepted = await drafts(`/${draft.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      decidedBy: expect.any(String),
      decidedAt: expect.any(String),
    });
    expect((await shop.request('GET', `/catalog/products/${productId}`)).body.description).toBe(
      'A roomy two-person tent that pitches in minutes.',
    );
    expect((await drafts(`/${draft.body.id}/accept`)).status).toBe(409);
    expect((await drafts(`/${draft.body.id}/discard`)).body).toMatchObject({
      type: expect.stringContaining('draft-decided'),
    });
  });

  it('a discarded draft changes nothing; drafts are listed newest first; admins only', async () => {
    modelWrites('Too much marketing.');
    const draft = await drafts();
    const description = (await shop.request('GET', `/catalog/products/${productId}`)).body.description;
    expect((await drafts(`/${draft.body.id}/discard`)).body).toMatchObject({ status: 'discarded' });
    expect((await shop.request('GET', `/catalog/products/${productId}`)).body.description).toBe(description);

    const list = await shop.request('GET', `/catalog/products/${productId}/description-drafts`, shop.admin());
    expect(list.body.items.map((d: Json) => d.status)).toEqual(['discarded', 'accepted', 'discarded']);
    const customer = await shop.signUp();
    expect((await drafts('', customer.auth)).status).toBe(403);
    // Another id: the last hex digit changed (replacing it with a fixed digit kept the id when it already was that digit).
    const otherId = draft.body.id.replace(/.$/, (last: string) => (last === '0' ? '1' : '0'));
    expect((await drafts(`/${otherId}/accept`)).status).toBe(404);
  });
});
