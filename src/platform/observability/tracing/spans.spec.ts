import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  activeTraceFields,
  activeTraceId,
  annotateActiveSpan,
  carrierOf,
  contextFrom,
  inSpan,
  linkTo,
  markSpan,
} from './spans';
import { tracingState } from './tracing-state';

describe('spans, with tracing off', () => {
  it('runs the work with no span and builds nothing', async () => {
    expect(tracingState.enabled).toBe(false);
    await expect(inSpan('x', {}, async (span) => span)).resolves.toBeUndefined();
    expect(markSpan('x', {})).toBeUndefined();
    expect(carrierOf()).toBeUndefined();
    expect(activeTraceId()).toBeUndefined();
    expect(activeTraceFields()).toEqual({});
  });
});

describe('spans, with tracing on (an in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  beforeAll(() => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    tracingState.enabled = true;
  });
  afterEach(() => exporter.reset());
  afterAll(async () => {
    tracingState.enabled = false;
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('nests work in a span, says the outcome, and exposes its trace id', async () => {
    let inside: string | undefined;
    await inSpan('outer', {}, async () => {
      annotateActiveSpan({ 'arcade.saga.step': 'commit_stock' }, 'renamed');
      inside = activeTraceId();
      await inSpan('inner', {}, async () => undefined);
    });
    const [inner, outer] = exporter.getFinishedSpans();
    expect(outer.name).toBe('renamed');
    expect(outer.attributes).toMatchObject({ 'arcade.outcome': 'ok', 'arcade.saga.step': 'commit_stock' });
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(inside).toBe(outer.spanContext().traceId);
  });

  it('records a failure as an error and a refusal as an outcome only', async () => {
    const refusal = new Error('out of stock');
    await expect(inSpan('refused', { isRejection: (e) => e === refusal }, () => Promise.reject(refusal))).rejects.toBe(
      refusal,
    );
    await expect(inSpan('failed', {}, () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
    const [refused, failed] = exporter.getFinishedSpans();
    expect(refused.attributes['arcade.outcome']).toBe('rejected');
    expect(refused.status.code).toBe(SpanStatusCode.UNSET);
    expect(failed.attributes).toMatchObject({ 'arcade.outcome': 'error', 'error.type': 'TypeError' });
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('carries a marked span to a later span as its parent, and as a link', async () => {
    const carrier = await inSpan('request', {}, async () => markSpan('outbox probe.Happened.v1', {}));
    expect(carrier?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const link = linkTo(carrier, { 'arcade.link': 'redelivery' });
    await inSpan(
      'deliver probe.Happened.v1',
      { parent: contextFrom(carrier), links: link ? [link] : [] },
      async () => undefined,
    );
    const spans = exporter.getFinishedSpans();
    const marked = spans.find((s) => s.name === 'outbox probe.Happened.v1')!;
    const delivered = spans.find((s) => s.name === 'deliver probe.Happened.v1')!;
    expect(delivered.spanContext().traceId).toBe(marked.spanContext().traceId);
    expect(delivered.parentSpanContext?.spanId).toBe(marked.spanContext().spanId);
    expect(delivered.links).toEqual([
      {
        context: expect.objectContaining({ spanId: marked.spanContext().spanId }),
        attributes: { 'arcade.link': 'redelivery' },
        droppedAttributesCount: 0,
      },
    ]);
  });
});
