import { CompleteChat } from '../../src/modules/ai';
import { MessageBus } from '../../src/platform/messaging';
import { bearer } from '../support/auth';
import { AnthropicCompatibleServer } from '../support/anthropic-compatible-server';
import { createTestApp, TestApp } from '../support/test-app';

/** The gateway over `@anthropic-ai/sdk`: system prompt apart, cache reads and writes priced apart from input. */
describe('ai: model gateway over the Anthropic SDK', () => {
  let server: AnthropicCompatibleServer;
  let t: TestApp;
  let bus: MessageBus;

  beforeAll(async () => {
    server = await AnthropicCompatibleServer.start();
    t = await createTestApp({
      modules: ['ai'],
      env: { AI_ANTHROPIC_BASE_URL: server.baseURL, AI_ANTHROPIC_API_KEY: 'test-key', AI_MAX_RETRIES: '1' },
    });
    bus = t.app.get(MessageBus);
    const created = await t.app.inject({
      method: 'POST',
      url: '/ai/prompts',
      headers: bearer(t.app, ['admin']),
      payload: {
        name: 'payments.risk-explanation',
        template: {
          type: 'chat',
          messages: [
            { role: 'system', content: 'You explain risk signals to a reviewer. You never decide.' },
            { role: 'user', content: 'Signals: {{signals}}' },
          ],
        },
        variables: ['signals'],
        settings: { provider: 'anthropic', model: 'claude-sonnet-4-20250514', maxOutputTokens: 600 },
        commitMessage: 'first',
        labels: ['production'],
      },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('prices cache reads and writes apart and retries a 529 overload', async () => {
    server.reply(
      { type: 'error', status: 529, retryAfterMs: 1 },
      {
        type: 'message',
        text: 'Three cards from one device in ten minutes.',
        usage: { inputTokens: 50, outputTokens: 500, cacheReadInputTokens: 10_000, cacheCreationInputTokens: 2000 },
      },
    );
    const result = await bus.execute(
      new CompleteChat('payments.risk-explanations', 'payments.risk-explanation', 'production', {
        signals: 'velocity: 3 cards / 10 min',
      }),
    );
    // $3 input, $0.30 cache read, $3.75 cache write, $15 output per 1M tokens:
    // 150 000 + 3 000 000 + 7 500 000 + 7 500 000 nanos.
    expect(result).toMatchObject({
      content: 'Three cards from one device in ten minutes.',
      finishReason: 'stop',
      provider: 'anthropic',
      usage: { input: 50, cachedInput: 10_000, cacheWrite: 2000, output: 500, reasoning: 0 },
      cost: { priced: true, amount: '0.018150000', currency: 'USD' },
    });
    expect(server.messageRequests.at(-1)).toMatchObject({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 600,
      system: 'You explain risk signals to a reviewer. You never decide.',
      messages: [{ role: 'user', content: 'Signals: velocity: 3 cards / 10 min' }],
    });
    expect(server.pendingReplies).toBe(0);
  });
});
