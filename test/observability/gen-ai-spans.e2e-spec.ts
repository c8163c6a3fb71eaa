import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { CompleteChat } from '../../src/modules/ai';
import { MessageBus } from '../../src/platform/messaging';
import { tracingState } from '../../src/platform/observability/tracing/tracing-state';
import { bearer } from '../support/auth';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * ADR 0119: every AI gateway call is a GenAI client span (`chat {model}`) under the dispatch that
 * asked for it, with the call log's `gen_ai.*` attributes. The SDK's in-memory exporter stands in
 * for OTLP here: no process boundary is involved.
 */
describe('tracing: AI calls as gen_ai spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  let server: OpenAiCompatibleServer;
  let t: TestApp;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    tracingState.enabled = true;
    server = await OpenAiCompatibleServer.start();
    t = await createTestApp({
      modules: ['ai'],
      env: { AI_OPENAI_BASE_URL: server.baseURL, AI_OPENAI_API_KEY: 'test-key', AI_MAX_RETRIES: '0' },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/ai/prompts',
      headers: bearer(t.app, ['admin']),
      payload: {
        name: 'catalog.product-description',
        template: { type: 'chat', messages: [{ role: 'user', content: 'Describe {{title}}.' }] },
        variables: ['title'],
        settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400 },
        commitMessage: 'first',
        labels: ['production'],
      },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    tracingState.enabled = false;
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('records the call as `chat <model>` with its provider, model and token usage, inside the dispatch', async () => {
    server.reply({
      type: 'completion',
      content: 'Cool, breathable linen.',
      model: 'gpt-4o-mini-2026-07-18',
      usage: { promptTokens: 120, completionTokens: 30, cachedTokens: 0, reasoningTokens: 0 },
    });
    await t.app.get(MessageBus).execute(
      new CompleteChat('catalog.description-drafts', 'catalog.product-description', 'production', {
        title: 'a linen shirt',
      }),
    );

    const spans = exporter.getFinishedSpans();
    const chat = spans.find((s) => s.name === 'chat gpt-4o-mini');
    expect(chat).toBeDefined();
    expect(chat!.kind).toBe(SpanKind.CLIENT);
    expect(chat!.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2026-07-18',
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 30,
      'arcade.ai.feature': 'catalog.description-drafts',
      'arcade.outcome': 'ok',
    });
    const dispatch = spans.find((s) => s.name === 'send ai.CompleteChat')!;
    expect(chat!.parentSpanContext?.spanId).toBe(dispatch.spanContext().spanId);
    expect(dispatch.attributes).toMatchObject({ 'arcade.module': 'ai', 'arcade.message.kind': 'command' });
  });
});
