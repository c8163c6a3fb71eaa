import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { JetStreamManager, NatsConnection } from 'nats';
import { RequestContext } from '../../src/platform/context';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { tracingState } from '../../src/platform/observability/tracing/tracing-state';
import { ProbeHappened } from '../messaging/probe.contracts';
import { PROBE_TABLES_SQL, ProbeModule, probeControls } from '../messaging/probe.module';
import { natsAvailable, observerConnection, startSplitApp } from '../extraction/support/split-apps';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitUntil } from '../support/wait-until';

// ADR 0119 (issue 22): a JetStream redelivery continues the original trace. A consumer whose
// handler fails is redelivered by the broker; every delivery's `receive` span is in the trace of
// the span that wrote the event to the outbox, and a redelivery also links to that span with its
// delivery count. Two apps in this process, over a real NATS server, with the SDK's in-memory
// exporter (no process boundary to cross for the spans themselves).

const describeWithNats = natsAvailable() ? describe : describe.skip;

describeWithNats('a JetStream redelivery in the trace of the event it redelivers', () => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const stream = `${prefix.toUpperCase()}_EVENTS`;
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  let database: TestDatabase;
  let writer: NestFastifyApplication; // catalog: writes the event to its outbox, its relay publishes it
  let consumer: NestFastifyApplication; // orders: its handler fails, then succeeds
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    tracingState.enabled = true;
    database = await createTestDatabase();
    writer = await startSplitApp({
      database,
      prefix,
      modules: ['catalog', 'cart'],
      extraModules: [ProbeModule.hosting(['catalog', 'cart'])],
    });
    consumer = await startSplitApp({
      database,
      prefix,
      modules: ['orders'],
      extraModules: [ProbeModule.hosting(['orders'])],
      env: { BROKER_REDELIVERY_BASE_MS: '20', BROKER_REDELIVERY_MAX_MS: '40', BROKER_MAX_DELIVERIES: '5' },
    });
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    for (const sql of PROBE_TABLES_SQL) await client.query(sql);
    await client.end();
    nc = await observerConnection();
    jsm = await nc.jetstreamManager();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([writer?.close(), consumer?.close()]);
    if (jsm) await Promise.allSettled([jsm.streams.delete(stream), jsm.streams.delete(`${stream}_DEAD_LETTERS`)]);
    await nc?.close();
    await database?.drop();
    tracingState.enabled = false;
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const attribute = (span: ReadableSpan, name: string) => span.attributes[name];

  it('gives every delivery a consumer span in the writer’s trace, and links a redelivery to the writer with its count', async () => {
    probeControls.failingLabels.add('flaky-traced');
    const event = await RequestContext.run({ correlationId: 'corr-flaky-traced' }, () =>
      writer.get(TransactionRunner).run('catalog', async (tx) => {
        const written = new ProbeHappened({ label: 'flaky-traced', n: 1 });
        tx.publish(written);
        return written;
      }),
    );
    const received = () =>
      exporter
        .getFinishedSpans()
        .filter(
          (s) =>
            s.name.startsWith('receive ') &&
            attribute(s, 'messaging.message.id') === event.eventId &&
            attribute(s, 'arcade.module') === 'orders',
        );
    try {
      await waitUntil(async () => received().length >= 2, 30_000);
    } finally {
      probeControls.failingLabels.delete('flaky-traced');
    }
    await waitUntil(async () => received().some((s) => attribute(s, 'arcade.outcome') === 'ok'), 30_000);

    const written = exporter
      .getFinishedSpans()
      .find((s) => s.name.startsWith('outbox ') && attribute(s, 'messaging.message.id') === event.eventId)!;
    expect(written).toBeDefined();
    const deliveries = received().sort(
      (x, y) => Number(attribute(x, 'arcade.attempt')) - Number(attribute(y, 'arcade.attempt')),
    );
    const [first, ...again] = deliveries;
    expect(first.kind).toBe(SpanKind.CONSUMER);
    expect(first.attributes).toMatchObject({ 'arcade.attempt': 1, 'arcade.outcome': 'error' });
    expect(first.links).toEqual([]);
    for (const span of deliveries) expect(span.spanContext().traceId).toBe(written.spanContext().traceId);
    expect(again.length).toBeGreaterThan(0);
    for (const span of again) {
      const attempt = Number(attribute(span, 'arcade.attempt'));
      expect(attempt).toBeGreaterThan(1);
      expect(span.links).toEqual([
        {
          context: expect.objectContaining({
            traceId: written.spanContext().traceId,
            spanId: written.spanContext().spanId,
          }),
          attributes: { 'arcade.link': 'redelivery', 'arcade.attempt': attempt },
          droppedAttributesCount: 0,
        },
      ]);
    }
    expect(again.at(-1)!.attributes['arcade.outcome']).toBe('ok');
  }, 90_000);
});
