import Anthropic, { APIConnectionTimeoutError, InternalServerError, RateLimitError } from '@anthropic-ai/sdk';
import { costOf } from '../../src/modules/ai/domain/call-cost';
import { fromAnthropicUsage } from '../../src/modules/ai/domain/token-usage';
import { AnthropicCompatibleServer } from '../support/anthropic-compatible-server';
import { realmSafeFetch } from '../support/realm-safe-fetch';

/**
 * Proves the loopback Anthropic-compatible server against the official `@anthropic-ai/sdk`: the real
 * client, its retries and its stream accumulation, over real HTTP. No database.
 */
describe('Anthropic-compatible loopback server, driven by @anthropic-ai/sdk', () => {
  let server: AnthropicCompatibleServer;
  let client: Anthropic;
  const request = {
    model: 'claude-sonnet-test',
    max_tokens: 512,
    system: 'You explain payment risk to a reviewer.',
    messages: [{ role: 'user' as const, content: 'Why was payment pay-1 flagged?' }],
  };

  beforeEach(async () => {
    server = await AnthropicCompatibleServer.start();
    client = new Anthropic({ baseURL: server.baseURL, apiKey: 'test-key', maxRetries: 2, timeout: 10_000 });
  });

  afterEach(async () => {
    expect(server.pendingReplies).toBe(0);
    await server.close();
  });

  it('answers a message whose cache reads and writes the domain prices apart from input_tokens', async () => {
    server.reply({
      type: 'message',
      text: 'Three cards from one device in ten minutes.',
      usage: { inputTokens: 50, outputTokens: 500, cacheReadInputTokens: 10_000, cacheCreationInputTokens: 2000 },
    });
    const message = await client.messages.create(request);

    expect(message.content).toEqual([
      { type: 'text', text: 'Three cards from one device in ten minutes.', citations: null },
    ]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({
      input_tokens: 50,
      output_tokens: 500,
      cache_read_input_tokens: 10_000,
      cache_creation_input_tokens: 2000,
    });
    const { usage } = fromAnthropicUsage(message.usage);
    expect(usage).toEqual({ input: 50, cachedInput: 10_000, cacheWrite: 2000, output: 500, reasoning: 0 });
    expect(
      costOf({ input: 3_000_000, cacheWrite: 3_750_000, cachedInput: 300_000, output: 15_000_000 }, usage).totalNanos,
    ).toBe(18_150_000);

    expect(server.requests[0].headers.authorization).toBe('Bearer test-key'); // SDK 1.x sends the API key as a bearer token
    expect(server.requests[0].headers['anthropic-version']).toBeDefined();
    expect(server.messageRequests[0]).toMatchObject(request);
  });

  it('returns tool_use blocks with stop_reason tool_use', async () => {
    server.reply({
      type: 'message',
      text: 'Let me look.',
      toolUses: [{ id: 'toolu_a', name: 'get_risk_signals', input: { paymentId: 'pay-1' } }],
    });
    const message = await client.messages.create({
      ...request,
      tools: [
        { name: 'get_risk_signals', input_schema: { type: 'object', properties: { paymentId: { type: 'string' } } } },
      ],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toEqual({
      type: 'tool_use',
      id: 'toolu_a',
      name: 'get_risk_signals',
      input: { paymentId: 'pay-1' },
    });
    expect(server.messageRequests[0]).toMatchObject({ tools: [{ name: 'get_risk_signals' }] });
  });

  it('streams raw events in the API order', async () => {
    server.reply({
      type: 'message',
      text: 'Velocity and mismatch.',
      usage: { inputTokens: 40, outputTokens: 7 },
      chunkSize: 5,
    });
    const stream = await client.messages.create({ ...request, stream: true });
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    expect(text).toBe('Velocity and mismatch.');
    expect(types[0]).toBe('message_start');
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
  });

  it('accumulates a streamed message with text, tool input and final usage with the SDK helper', async () => {
    server.reply({
      type: 'message',
      text: 'Checking signals — ✓',
      toolUses: [{ id: 'toolu_1', name: 'get_risk_signals', input: { paymentId: 'pay-1', window: '10m' } }],
      usage: {
        inputTokens: 30,
        outputTokens: 120,
        cacheReadInputTokens: 900,
        cacheCreationInputTokens: 100,
        thinkingTokens: 40,
      },
      chunkSize: 3,
    });
    const stream = client.messages.stream(request);
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    const message = await stream.finalMessage();

    expect(texts.join('')).toBe('Checking signals — ✓');
    expect(message.content[1]).toMatchObject({
      type: 'tool_use',
      id: 'toolu_1',
      input: { paymentId: 'pay-1', window: '10m' },
    });
    expect(message.usage).toMatchObject({
      input_tokens: 30,
      output_tokens: 120,
      cache_read_input_tokens: 900,
      cache_creation_input_tokens: 100,
    });
    expect(fromAnthropicUsage(message.usage).usage).toEqual({
      input: 30,
      cachedInput: 900,
      cacheWrite: 100,
      output: 80,
      reasoning: 40,
    });
  });

  it('lets the SDK retry a 429 with Retry-After and a 529 overloaded, then succeed', async () => {
    server.reply(
      {
        type: 'error',
        status: 429,
        message: 'Number of request tokens has exceeded your rate limit',
        retryAfterSeconds: 0,
      },
      { type: 'error', status: 529, message: 'Overloaded', retryAfterMs: 1 },
      { type: 'message', text: 'ok' },
    );
    const message = await client.messages.create(request);
    expect(message.content[0]).toMatchObject({ text: 'ok' });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries 500s with an InternalServerError carrying Anthropic’s error type', async () => {
    server.reply(
      ...Array.from({ length: 3 }, () => ({
        type: 'error' as const,
        status: 500,
        message: 'Internal error',
        retryAfterMs: 1,
      })),
    );
    const failure = client.messages.create(request);
    await expect(failure).rejects.toBeInstanceOf(InternalServerError);
    await expect(failure).rejects.toMatchObject({
      status: 500,
      error: { type: 'error', error: { type: 'api_error' } },
    });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 429 marked x-should-retry: false', async () => {
    server.reply({ type: 'error', status: 429, shouldRetry: false });
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow answer on the client side', async () => {
    server.reply({ type: 'message', text: 'late', delayMs: 2000 });
    const fast = new Anthropic({
      baseURL: server.baseURL,
      apiKey: 'k',
      maxRetries: 0,
      timeout: 100,
      fetch: realmSafeFetch,
    });
    await expect(fast.messages.create(request)).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('surfaces a stream dropped mid-way as an error', async () => {
    server.reply({ type: 'message', text: 'This will not finish.', dropAfterEvents: 4 });
    await expect(client.messages.stream(request).finalMessage()).rejects.toThrow();
  });

  it('refuses requests without credentials or the version header, or without max_tokens', async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${server.baseURL}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect((await post({}, request)).status).toBe(401);
    expect((await post({ 'x-api-key': 'k' }, request)).status).toBe(400);
    const noMax = await post(
      { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
      { ...request, max_tokens: undefined },
    );
    expect(noMax.status).toBe(400);
    expect(await noMax.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});
