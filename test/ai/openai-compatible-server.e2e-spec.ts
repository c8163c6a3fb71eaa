import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { costOf } from '../../src/modules/ai/domain/call-cost';
import { fromOpenAiUsage } from '../../src/modules/ai/domain/token-usage';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { realmSafeFetch } from '../support/realm-safe-fetch';

/**
 * Proves the loopback OpenAI-compatible server against the official `openai` SDK: the real client,
 * its retries and its stream parser, over real HTTP. No database.
 */
describe('OpenAI-compatible loopback server, driven by the openai SDK', () => {
  let server: OpenAiCompatibleServer;
  let client: OpenAI;
  const messages = [
    { role: 'system' as const, content: 'You write product copy.' },
    { role: 'user' as const, content: 'Describe a linen shirt.' },
  ];

  beforeEach(async () => {
    server = await OpenAiCompatibleServer.start();
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test-key', maxRetries: 2, timeout: 10_000 });
  });

  afterEach(async () => {
    expect(server.pendingReplies).toBe(0);
    await server.close();
  });

  it('answers a completion with usage whose cached and reasoning tokens the domain prices exactly', async () => {
    server.reply({
      type: 'completion',
      content: 'Cool, breathable linen.',
      model: 'gpt-4o-mini-2026-07-18',
      usage: { promptTokens: 2006, completionTokens: 300, cachedTokens: 1920, reasoningTokens: 100 },
    });
    const response = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      max_completion_tokens: 400,
    });

    expect(response.choices[0].message.content).toBe('Cool, breathable linen.');
    expect(response.choices[0].finish_reason).toBe('stop');
    expect(response.model).toBe('gpt-4o-mini-2026-07-18');
    expect(response.usage).toMatchObject({
      prompt_tokens: 2006,
      completion_tokens: 300,
      total_tokens: 2306,
      prompt_tokens_details: { cached_tokens: 1920 },
      completion_tokens_details: { reasoning_tokens: 100 },
    });
    const { usage } = fromOpenAiUsage(response.usage!);
    expect(usage).toEqual({ input: 86, cachedInput: 1920, cacheWrite: 0, output: 200, reasoning: 100 });
    expect(costOf({ input: 150_000, cachedInput: 75_000, output: 600_000 }, usage).totalNanos).toBe(
      12_900 + 144_000 + 180_000,
    );

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe('Bearer test-key');
    expect(server.chatRequests[0]).toMatchObject({ model: 'gpt-4o-mini', messages, max_completion_tokens: 400 });
  });

  it('returns tool calls with finish_reason tool_calls', async () => {
    server.reply({
      type: 'completion',
      toolCalls: [{ id: 'call_a', name: 'get_product', arguments: { productId: 'p-1', fields: ['title'] } }],
    });
    const response = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_product',
            parameters: { type: 'object', properties: { productId: { type: 'string' } } },
          },
        },
      ],
    });

    const choice = response.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0];
    expect(call.type === 'function' && call.id).toBe('call_a');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      productId: 'p-1',
      fields: ['title'],
    });
    expect(server.chatRequests[0]).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_product' } }] });
  });

  it('streams deltas and, with include_usage, ends with a usage chunk that has no choices', async () => {
    server.reply({
      type: 'completion',
      content: 'Linen, washed soft — ✓ ready to wear.',
      usage: { promptTokens: 20, completionTokens: 9, cachedTokens: 4 },
      chunkSize: 3,
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });

    let text = '';
    const chunks = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('Linen, washed soft — ✓ ready to wear.');
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe('stop');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      prompt_tokens: 20,
      completion_tokens: 9,
      prompt_tokens_details: { cached_tokens: 4 },
    });
    expect(server.chatRequests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('streams without a usage chunk unless asked', async () => {
    server.reply({ type: 'completion', content: 'Short.' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.usage === undefined && c.choices.length === 1)).toBe(true);
  });

  it('assembles streamed tool calls and usage with the SDK stream helper', async () => {
    server.reply({
      type: 'completion',
      content: 'Looking it up.',
      toolCalls: [
        { id: 'call_1', name: 'get_product', arguments: { productId: 'p-1' } },
        { id: 'call_2', name: 'get_stock', arguments: { sku: 'TEE-1' } },
      ],
      usage: { promptTokens: 50, completionTokens: 30, reasoningTokens: 10 },
      chunkSize: 5,
    });
    const runner = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages,
      stream_options: { include_usage: true },
    });
    const final = await runner.finalChatCompletion();

    expect(final.choices[0].message.content).toBe('Looking it up.');
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    const calls = final.choices[0].message.tool_calls!.map((c) =>
      c.type === 'function' ? [c.id, c.function.name, JSON.parse(c.function.arguments)] : [],
    );
    expect(calls).toEqual([
      ['call_1', 'get_product', { productId: 'p-1' }],
      ['call_2', 'get_stock', { sku: 'TEE-1' }],
    ]);
    expect(final.usage).toMatchObject({
      prompt_tokens: 50,
      completion_tokens: 30,
      completion_tokens_details: { reasoning_tokens: 10 },
    });
  });

  it('lets the SDK retry a 429 that carries Retry-After, then succeed', async () => {
    server.reply(
      { type: 'error', status: 429, message: 'Rate limit reached', retryAfterSeconds: 0 },
      { type: 'completion', content: 'ok' },
    );
    const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(response.choices[0].message.content).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('lets the SDK retry 500s up to maxRetries, then gives up with an InternalServerError', async () => {
    server.reply(
      { type: 'error', status: 500, retryAfterMs: 1 },
      { type: 'error', status: 500, retryAfterMs: 1 },
      { type: 'completion', content: 'third time' },
    );
    expect((await client.chat.completions.create({ model: 'm', messages })).choices[0].message.content).toBe(
      'third time',
    );

    server.reply(
      ...Array.from({ length: 3 }, () => ({ type: 'error' as const, status: 500, message: 'boom', retryAfterMs: 1 })),
    );
    const failure = client.chat.completions.create({ model: 'm', messages });
    await expect(failure).rejects.toBeInstanceOf(InternalServerError);
    await expect(failure).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(6);
  });

  it('does not retry when the server says x-should-retry: false', async () => {
    server.reply({ type: 'error', status: 429, message: 'Quota exhausted', shouldRetry: false });
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow answer on the client side', async () => {
    server.reply({ type: 'completion', content: 'late', delayMs: 2000 });
    const fast = new OpenAI({
      baseURL: server.baseURL,
      apiKey: 'test-key',
      maxRetries: 0,
      timeout: 100,
      fetch: realmSafeFetch,
    });
    await expect(fast.chat.completions.create({ model: 'm', messages })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it('surfaces a stream dropped mid-way as an error, after the chunks that arrived', async () => {
    server.reply({
      type: 'completion',
      content: 'This stream will break in the middle.',
      chunkSize: 4,
      dropAfterChunks: 3,
    });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    let text = '';
    const reading = (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })();
    await expect(reading).rejects.toThrow('terminated');
    expect(text).toBe('This str');
  });

  it('answers an unscripted request with a 400 that says so, which the SDK does not retry', async () => {
    const failure = client.chat.completions.create({ model: 'm', messages });
    await expect(failure).rejects.toBeInstanceOf(BadRequestError);
    await expect(failure).rejects.toThrow(/no scripted reply/);
    expect(server.requests).toHaveLength(1);
  });

  it('lists a model, and refuses a request without credentials', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['test-model']);
    const response = await fetch(`${server.baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('is unreachable once closed', async () => {
    const url = server.baseURL;
    await server.close();
    const orphan = new OpenAI({ baseURL: url, apiKey: 'k', maxRetries: 0 });
    await expect(orphan.chat.completions.create({ model: 'm', messages })).rejects.toBeInstanceOf(APIConnectionError);
    server = await OpenAiCompatibleServer.start();
  });
});
