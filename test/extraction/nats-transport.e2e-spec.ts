import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { JetStreamManager, NatsConnection } from 'nats';
import { RequestContext } from '../../src/platform/context';
import {
  LocalEventDispatcher,
  MESSAGE_TRANSPORT,
  MessageBus,
  MessageTimeoutError,
  MessageTransport,
  ModuleUnreachableError,
  RemoteHandlerError,
  RemoteProblemError,
  toEnvelope,
  TransactionRunner,
} from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ProbeHappened, ProbeQuery, RecordProbe } from '../messaging/probe.contracts';
import { PROBE_TABLES_SQL, ProbeModule, probeControls } from '../messaging/probe.module';
import { waitUntil } from '../support/wait-until';
import { ExtractionEcho, ExtractionProbeModule, witnessed } from './support/extraction-probe';
import { natsAvailable, observerConnection, startSplitApp } from './support/split-apps';

const describeWithNats = natsAvailable() ? describe : describe.skip;

describeWithNats('NATS transport (two processes, one broker)', () => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const stream = `${prefix.toUpperCase()}_EVENTS`;
  const deadLetters = `${stream}_DEAD_LETTERS`;
  let database: TestDatabase;
  let a: NestFastifyApplication; // catalog + cart
  let b: NestFastifyApplication; // orders
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    database = await createTestDatabase();
    const fastRedelivery = {
      BROKER_REDELIVERY_BASE_MS: '20',
      BROKER_REDELIVERY_MAX_MS: '40',
      BROKER_MAX_DELIVERIES: '3',
    };
    a = await startSplitApp({
      database,
      prefix,
      modules: ['catalog', 'cart'],
      extraModules: [ProbeModule.hosting(['catalog', 'cart'])],
    });
    b = await startSplitApp({
      database,
      prefix,
      modules: ['orders'],
      extraModules: [ProbeModule.hosting(['orders']), ExtractionProbeModule],
      // a generous timeout: a request nobody answers must fail at once, not after waiting it out
      env: { ...fastRedelivery, MESSAGE_TIMEOUT_MS: '30000' },
    });
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    for (const sql of PROBE_TABLES_SQL) await client.query(sql);
    await client.end();
    nc = await observerConnection();
    jsm = await nc.jetstreamManager();
  });

  afterAll(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    if (jsm) await Promise.allSettled([jsm.streams.delete(stream), jsm.streams.delete(deadLetters)]);
    await nc?.close();
    await database?.drop();
  });

  const effects = async (label: string): Promise<number> => {
    const rows = (await b
      .get(TransactionRunner)
      .run('orders', (tx) =>
        tx.manager.query('SELECT count(*)::int AS n FROM orders.probe_effects WHERE label = $1', [label]),
      )) as { n: number }[];
    return rows[0].n;
  };

  const publishFromA = (label: string, correlationId = `corr-${label}`): Promise<ProbeHappened> =>
    RequestContext.run({ correlationId }, () =>
      a.get(TransactionRunner).run('catalog', async (tx) => {
        const event = new ProbeHappened({ label, n: 1 });
        tx.publish(event);
        return event;
      }),
    );

  describe('commands and queries (request/reply)', () => {
    it('answers a query for a module only the other process hosts with the same JSON, and carries the correlation', async () => {
      const result = await RequestContext.run({ correlationId: 'corr-echo' }, () =>
        a.get(MessageBus).query(new ExtractionEcho('hello')),
      );
      expect(result).toEqual({ echoed: 'hello', correlationId: 'corr-echo', causationId: expect.any(String) });
    });

    it('returns a command result exactly as the owner would in-process', async () => {
      expect(await b.get(MessageBus).execute(new RecordProbe('over-the-wire'))).toEqual({
        recorded: 'over-the-wire',
        at: '1970-01-01T00:00:00.000Z',
      });
    });

    it('lets a problem cross as the same problem, and an unexpected failure as a generic 500', async () => {
      const conflict = await b
        .get(MessageBus)
        .execute(new RecordProbe('conflict'))
        .catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(RemoteProblemError);
      expect((conflict as RemoteProblemError).problem).toEqual({
        status: 409,
        type: 'probe-conflict',
        detail: 'Probe says no.',
        extensions: { label: 'conflict' },
      });
      const missing = await a
        .get(MessageBus)
        .query(new ExtractionEcho('missing'))
        .catch((e: unknown) => e);
      expect((missing as RemoteProblemError).problem).toMatchObject({ status: 404, type: 'not-found' });
      const bug = await a
        .get(MessageBus)
        .query(new ExtractionEcho('bug'))
        .catch((e: unknown) => e);
      expect(bug).toBeInstanceOf(RemoteHandlerError);
      expect(bug).toMatchObject({ module: 'orders', messageType: 'orders.ExtractionEcho', failure: 'unexpected' });
      expect((bug as Error).message).not.toContain('unexpected failure inside orders');
    });

    it('handles a request retried while its first delivery is still being handled once, and answers the retry', async () => {
      // The relay retries an outbox row with the same message id when its request timed out; a
      // slow owner (just restarted, loaded) must not run the command again beside the first run.
      let release!: () => void;
      probeControls.heldCommands.set('retried', new Promise<void>((resolve) => (release = resolve)));
      try {
        const transport = b.get<symbol, MessageTransport>(MESSAGE_TRANSPORT);
        const envelope = toEnvelope(new RecordProbe('retried'));
        await expect(transport.request(envelope, 300)).rejects.toBeInstanceOf(MessageTimeoutError);
        const retry = transport.request(envelope, 10_000);
        await waitUntil(async () => probeControls.executedCommands.includes('retried'));
        await new Promise((r) => setTimeout(r, 200));
        release();
        expect(await retry).toEqual({ recorded: 'retried', at: '1970-01-01T00:00:00.000Z' });
        expect(probeControls.executedCommands.filter((label) => label === 'retried')).toEqual(['retried']);
        // Once answered, the same id is handled again (the handler's own idempotency decides then).
        await transport.request(envelope, 10_000);
        expect(probeControls.executedCommands.filter((label) => label === 'retried')).toHaveLength(2);
      } finally {
        probeControls.heldCommands.delete('retried');
        release?.();
      }
    });

    it('fails at once, naming the module, when no process hosts the owner', async () => {
      const error = await b
        .get(MessageBus)
        .query(new ProbeQuery())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModuleUnreachableError);
      expect(error).toMatchObject({ module: 'payments', messageType: 'payments.ProbeQuery' });
      expect((error as Error).message).toContain('no running process hosts it');
    }, 10_000);
  });

  describe('integration events (JetStream)', () => {
    it('delivers an event from one process’s outbox to the other’s subscriber once, with its correlation', async () => {
      const event = await publishFromA('crossed');
      // Two consumers in process B (the probe's effect, the witness), each on its own delivery.
      await waitUntil(
        async () => (await effects('crossed')) === 1 && witnessed.some((w) => w.eventId === event.eventId),
      );
      const seen = witnessed.filter((w) => w.eventId === event.eventId);
      expect(seen).toEqual([
        { eventId: event.eventId, label: 'crossed', correlationId: 'corr-crossed', causationId: event.eventId },
      ]);
      // the cart subscriber runs in process A, through its own durable consumer
      await waitUntil(async () => probeControls.seenContexts.some((c) => c?.causationId === event.eventId));
    });

    it('stores an event published twice once (JetStream de-duplication by event id)', async () => {
      const event = new ProbeHappened({ label: 'published-twice', n: 1 }, { correlationId: 'corr-twice' });
      const transport = a.get<symbol, MessageTransport>(MESSAGE_TRANSPORT);
      const subject = `${prefix}.events.catalog.ProbeHappened.v1`;
      const stored = async (): Promise<number> =>
        (await jsm.streams.info(stream, { subjects_filter: subject })).state.subjects?.[subject] ?? 0;
      const before = await stored();
      await transport.publish([toEnvelope(event)]);
      await transport.publish([toEnvelope(event)]);
      expect(await stored()).toBe(before + 1);
      await waitUntil(async () => (await effects('published-twice')) === 1);
      expect(witnessed.filter((w) => w.eventId === event.eventId)).toHaveLength(1);
    });

    it('acks only after the handler committed: a failing handler is redelivered, the inbox absorbs the repeat', async () => {
      const deliveries: string[] = [];
      const stop = b.get(LocalEventDispatcher).observe((e) => deliveries.push(e.id));
      probeControls.failingLabels.add('flaky');
      try {
        const event = await publishFromA('flaky');
        await waitUntil(async () => deliveries.filter((id) => id === event.eventId).length >= 2);
        expect(await effects('flaky')).toBe(0);
        probeControls.failingLabels.delete('flaky');
        await waitUntil(async () => (await effects('flaky')) === 1);
        // the witness (same module, same event) committed on the first delivery and was skipped after
        expect(witnessed.filter((w) => w.eventId === event.eventId)).toHaveLength(1);
      } finally {
        probeControls.failingLabels.delete('flaky');
        stop();
      }
    });

    it('parks an event that keeps failing as a dead letter and keeps consuming the next ones', async () => {
      probeControls.failingLabels.add('poison');
      try {
        const poison = await publishFromA('poison');
        const parked = await waitFor(() =>
          jsm.streams.getMessage(deadLetters, { last_by_subj: `${prefix}.dead.orders.${poison.eventId}` }),
        );
        expect(parked.header.get('Arcade-Error')).toContain('probe failure for poison');
        expect(parked.header.get('Arcade-Deliveries')).toBe('3');
        expect(parked.json<{ id: string }>().id).toBe(poison.eventId);
        await publishFromA('after-poison');
        await waitUntil(async () => (await effects('after-poison')) === 1);
        expect(await effects('poison')).toBe(0);

        // The operator sees it where outbox dead letters are listed, fixes the cause, replays it.
        const admin = bearer(b, ['admin']);
        const listed = await b.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
        expect(listed.json().items).toContainEqual(
          expect.objectContaining({ id: poison.eventId, module: 'orders', source: 'broker', attempts: 3 }),
        );
        const failedAgain = await b.inject({
          method: 'POST',
          url: `/admin/messaging/dead-letters/${poison.eventId}/replay`,
          headers: admin,
        });
        expect(failedAgain.statusCode).toBe(409);
        probeControls.failingLabels.delete('poison');
        const replayed = await b.inject({
          method: 'POST',
          url: `/admin/messaging/dead-letters/${poison.eventId}/replay`,
          headers: admin,
        });
        expect(replayed.statusCode).toBe(202);
        expect(replayed.json()).toEqual({ id: poison.eventId, module: 'orders', status: 'delivered' });
        expect(await effects('poison')).toBe(1);
        const again = await b.inject({
          method: 'POST',
          url: `/admin/messaging/dead-letters/${poison.eventId}/replay`,
          headers: admin,
        });
        expect(again.statusCode).toBe(404);
      } finally {
        probeControls.failingLabels.delete('poison');
      }
    });

    it('delivers a dead letter replayed twice at once exactly once, and answers both without a 500', async () => {
      probeControls.failingLabels.add('twice');
      try {
        const poison = await publishFromA('twice');
        await waitFor(() =>
          jsm.streams.getMessage(deadLetters, { last_by_subj: `${prefix}.dead.orders.${poison.eventId}` }),
        );
        probeControls.failingLabels.delete('twice');
        const admin = bearer(b, ['admin']);
        const answers = await Promise.all([
          b.inject({ method: 'POST', url: `/admin/messaging/dead-letters/${poison.eventId}/replay`, headers: admin }),
          b.inject({ method: 'POST', url: `/admin/messaging/dead-letters/${poison.eventId}/replay`, headers: admin }),
          b.inject({
            method: 'POST',
            url: '/admin/messaging/dead-letters/replay',
            headers: admin,
            payload: { ids: [poison.eventId] },
          }),
        ]);
        const [one, two, many] = answers.map((a) => a.statusCode);
        expect([[202, 404].includes(one), [202, 404].includes(two), many]).toEqual([true, true, 200]);
        const delivered = [
          ...answers.slice(0, 2).filter((a) => a.statusCode === 202),
          ...answers[2].json().results.filter((r: { outcome: string }) => r.outcome === 'delivered'),
        ];
        expect(delivered.length).toBeGreaterThanOrEqual(1);
        expect(await effects('twice')).toBe(1);
        const after = await b.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: admin });
        expect(after.json().items.map((d: { id: string }) => d.id)).not.toContain(poison.eventId);
      } finally {
        probeControls.failingLabels.delete('twice');
      }
    });
    it('replays a dead letter named in capitals in a list as the same dead letter, and counts the two spellings as one id', async () => {
      probeControls.failingLabels.add('capitals');
      try {
        const poison = await publishFromA('capitals');
        await waitFor(() =>
          jsm.streams.getMessage(deadLetters, { last_by_subj: `${prefix}.dead.orders.${poison.eventId}` }),
        );
        probeControls.failingLabels.delete('capitals');
        const admin = bearer(b, ['admin']);
        const upper = poison.eventId.toUpperCase();
        const twice = await b.inject({
          method: 'POST',
          url: '/admin/messaging/dead-letters/replay',
          headers: admin,
          payload: { ids: [poison.eventId, upper] },
        });
        expect(twice.statusCode).toBe(400);
        const replayed = await b.inject({
          method: 'POST',
          url: '/admin/messaging/dead-letters/replay',
          headers: admin,
          payload: { ids: [upper] },
        });
        expect(replayed.json().results).toEqual([{ id: poison.eventId, outcome: 'delivered', module: 'orders' }]);
        expect(await effects('capitals')).toBe(1);
      } finally {
        probeControls.failingLabels.delete('capitals');
      }
    });
  });

  describe('operations', () => {
    it('reports the broker in readiness and the consumer lag per consuming module', async () => {
      const ready = await b.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().details.broker).toMatchObject({ status: 'up', transport: 'nats', stream });

      const overview = await b.inject({ method: 'GET', url: '/admin/messaging', headers: bearer(b, ['admin']) });
      expect(overview.statusCode).toBe(200);
      const body = overview.json();
      expect(body.transport).toBe('nats');
      expect(body.broker).toMatchObject({ connected: true, stream });
      expect(body.broker.consumers).toEqual([
        {
          module: 'orders',
          consumers: expect.arrayContaining([expect.stringContaining(`${prefix}-orders`)]),
          pending: expect.any(Number),
          ackPending: expect.any(Number),
          redelivered: expect.any(Number),
        },
      ]);
    });
  });
});

async function waitFor<T>(attempt: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
