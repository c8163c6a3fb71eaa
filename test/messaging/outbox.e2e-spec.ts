import { DataSource } from 'typeorm';
import { ModuleDataSources, openModuleDataSource } from '../../src/platform/database';
import { MessageEnvelope, OutboxRelay, OutboxRelays, TransactionRunner } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { waitUntil } from '../support/wait-until';
import { ProbeHappened } from './probe.contracts';
import { createProbeTables, ProbeModule, probeControls } from './probe.module';

describe('outbox, relay and inbox', () => {
  let s: Scenario;
  let runner: TransactionRunner;
  const admin = (): DataSource => s.app.get(ModuleDataSources).get('catalog')!;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog', 'cart', 'orders'],
      extraModules: [ProbeModule],
      env: { OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_MS: '20', OUTBOX_RETRY_MAX_MS: '40', OUTBOX_POLL_MS: '50' },
    });
    runner = s.app.get(TransactionRunner);
    await createProbeTables(s.t.database.url);
  });
  afterAll(() => s.close());

  const effects = async (schema: 'cart' | 'orders', label: string): Promise<number> => {
    const rows = (await runner.run(schema, (tx) =>
      tx.manager.query(`SELECT count(*)::int AS n FROM ${schema}.probe_effects WHERE label = $1`, [label]),
    )) as { n: number }[];
    return rows[0].n;
  };

  it('never delivers an event whose transaction rolled back', async () => {
    await expect(
      runner.run('catalog', async (tx) => {
        tx.publish(new ProbeHappened({ label: 'rolled-back', n: 1 }));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await s.flush();
    const [{ n }] = (await admin().query(
      `SELECT count(*)::int AS n FROM outbox WHERE body->'payload'->>'label' = 'rolled-back'`,
    )) as { n: number }[];
    expect(n).toBe(0);
    expect(s.events(ProbeHappened).some((e) => e.payload.label === 'rolled-back')).toBe(false);
    expect(await effects('cart', 'rolled-back')).toBe(0);
  });

  it('delivers a committed event once to each subscriber, soon after commit', async () => {
    await runner.run('catalog', async (tx) => tx.publish(new ProbeHappened({ label: 'committed', n: 1 })));
    await s.waitForEvent(ProbeHappened, (e) => e.payload.label === 'committed');
    // Each subscriber commits in its own transaction, in no fixed order: wait for both.
    await waitUntil(async () => (await effects('orders', 'committed')) === 1);
    await waitUntil(async () => (await effects('cart', 'committed')) === 1);
    // The mark trails the delivery by a few milliseconds (one statement per burst).
    await waitUntil(async () => {
      const [row] = (await admin().query(
        `SELECT status FROM outbox WHERE body->'payload'->>'label' = 'committed'`,
      )) as { status: string }[];
      return row.status === 'delivered';
    });
    // Once delivered, each subscriber has done its work exactly once.
    expect([await effects('orders', 'committed'), await effects('cart', 'committed')]).toEqual([1, 1]);
  });

  it('lets the inbox absorb a second delivery of the same event', async () => {
    const event = new ProbeHappened({ label: 'twice', n: 1 });
    await runner.run('catalog', async (tx) => tx.publish(event));
    await waitUntil(async () => (await effects('orders', 'twice')) === 1);
    await admin().query(`UPDATE outbox SET status = 'pending', available_at = now() WHERE id = $1`, [event.eventId]);
    await s.flush();
    await waitUntil(
      async () =>
        ((await admin().query(`SELECT status FROM outbox WHERE id = $1`, [event.eventId])) as { status: string }[])[0]
          .status === 'delivered',
    );
    expect(await effects('cart', 'twice')).toBe(1);
    expect(await effects('orders', 'twice')).toBe(1);
  });

  it('parks a poison event as a dead letter with its error, keeps later events flowing, and replays it once fixed', async () => {
    probeControls.failingLabels.add('poison');
    const poison = new ProbeHappened({ label: 'poison', n: 1 });
    await runner.run('catalog', async (tx) => tx.publish(poison));
    await runner.run('catalog', async (tx) => tx.publish(new ProbeHappened({ label: 'behind-poison', n: 1 })));
    await waitUntil(async () => (await effects('orders', 'behind-poison')) === 1);
    await waitUntil(
      async () =>
        ((await admin().query(`SELECT status FROM outbox WHERE id = $1`, [poison.eventId])) as { status: string }[])[0]
          .status === 'dead',
    );
    const [dead] = (await admin().query(`SELECT attempts, last_error FROM outbox WHERE id = $1`, [poison.eventId])) as {
      attempts: number;
      last_error: string;
    }[];
    expect(dead.attempts).toBe(3);
    expect(dead.last_error).toContain('probe failure for poison');

    const overview = await s.app.inject({ method: 'GET', url: '/admin/messaging', headers: bearer(s.app, ['admin']) });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().modules.find((m: { module: string }) => m.module === 'catalog')).toMatchObject({
      deadLetters: 1,
    });
    const listed = await s.app.inject({
      method: 'GET',
      url: '/admin/messaging/dead-letters',
      headers: bearer(s.app, ['admin']),
    });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: poison.eventId, module: 'catalog', type: 'catalog.ProbeHappened.v1' }),
    ]);

    // Where the message is now, asked by its id (issue 23: the console follows a replay with it).
    const where = async () =>
      (
        await s.app.inject({
          method: 'GET',
          url: `/admin/messaging/messages/${poison.eventId}`,
          headers: bearer(s.app, ['admin']),
        })
      ).json();
    expect(await where()).toEqual({
      id: poison.eventId,
      module: 'catalog',
      type: 'catalog.ProbeHappened.v1',
      status: 'dead',
      attempts: 3,
      lastError: expect.stringContaining('probe failure for poison'),
      deliveredAt: null,
      host: 'this-process',
    });

    probeControls.failingLabels.delete('poison');
    const replay = await s.app.inject({
      method: 'POST',
      url: `/admin/messaging/dead-letters/${poison.eventId}/replay`,
      headers: bearer(s.app, ['admin']),
    });
    expect(replay.statusCode).toBe(202);
    await waitUntil(async () => (await effects('orders', 'poison')) === 1);
    expect(await effects('cart', 'poison')).toBe(1);
    await waitUntil(async () => (await where()).status === 'delivered');
    expect(await where()).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
  });

  it('shows dead letters with their payload, the inbox per module, and replays many at once, each with its outcome', async () => {
    const asAdmin = bearer(s.app, ['admin']);
    probeControls.failingLabels.add('many-1');
    probeControls.failingLabels.add('many-2');
    const poisons = [new ProbeHappened({ label: 'many-1', n: 1 }), new ProbeHappened({ label: 'many-2', n: 2 })];
    await runner.run('catalog', async (tx) => tx.publish(...poisons));
    await waitUntil(async () => {
      const rows = (await admin().query(
        `SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND status = 'dead'`,
        [poisons.map((p) => p.eventId)],
      )) as { n: number }[];
      return rows[0].n === 2;
    });
    const listed = await s.app.inject({ method: 'GET', url: '/admin/messaging/dead-letters', headers: asAdmin });
    const items = listed.json().items as { id: string; payload: { payload: { label: string } }; lastError: string }[];
    const first = items.find((d) => d.id === poisons[0].eventId);
    expect(first?.payload.payload).toEqual({ label: 'many-1', n: 1 });
    expect(first?.lastError).toContain('probe failure for many-1');

    const overview = await s.app.inject({ method: 'GET', url: '/admin/messaging', headers: asAdmin });
    const modules = overview.json().modules as { module: string; inbox: number }[];
    // The probe's subscribers in orders and cart handled the earlier events: their inboxes remember them.
    expect(modules.find((m) => m.module === 'orders')!.inbox).toBeGreaterThan(0);
    expect(modules.every((m) => Number.isInteger(m.inbox))).toBe(true);

    probeControls.failingLabels.delete('many-1');
    probeControls.failingLabels.delete('many-2');
    const unknown = '0190a0a0-0000-7000-8000-000000000001';
    const replay = await s.app.inject({
      method: 'POST',
      url: '/admin/messaging/dead-letters/replay',
      headers: asAdmin,
      payload: { ids: [poisons[0].eventId, unknown, poisons[1].eventId] },
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().results).toEqual([
      { id: poisons[0].eventId, outcome: 'pending', module: 'catalog' },
      { id: unknown, outcome: 'not_found' },
      { id: poisons[1].eventId, outcome: 'pending', module: 'catalog' },
    ]);
    await waitUntil(async () => (await effects('orders', 'many-2')) === 1 && (await effects('cart', 'many-1')) === 1);

    for (const payload of [{ ids: [] }, { ids: ['nope'] }, { ids: [unknown, unknown] }, {}]) {
      const refused = await s.app.inject({
        method: 'POST',
        url: '/admin/messaging/dead-letters/replay',
        headers: asAdmin,
        payload,
      });
      expect([payload, refused.statusCode]).toEqual([payload, 400]);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('keeps the operations endpoints for admins only, and 404s an unknown dead letter or message', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/admin/messaging' })).statusCode).toBe(401);
    expect(
      (await s.app.inject({ method: 'GET', url: '/admin/messaging', headers: bearer(s.app, ['customer']) })).statusCode,
    ).toBe(403);
    const missing = await s.app.inject({
      method: 'POST',
      url: '/admin/messaging/dead-letters/0190a0a0-0000-7000-8000-000000000000/replay',
      headers: bearer(s.app, ['admin']),
    });
    expect(missing.statusCode).toBe(404);
    const unknown = await s.app.inject({
      method: 'GET',
      url: '/admin/messaging/messages/0190a0a0-0000-7000-8000-000000000000',
      headers: bearer(s.app, ['admin']),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const refused = await s.app.inject({
      method: 'GET',
      url: '/admin/messaging/messages/0190a0a0-0000-7000-8000-000000000000',
      headers: bearer(s.app, ['customer']),
    });
    expect(refused.statusCode).toBe(403);
    const metrics = await s.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/arcade_outbox_pending\{module="catalog"\}/);
    expect(metrics.body).toMatch(/arcade_outbox_delivered_total\{module="catalog"\}/);
  });

  it('carries the request id as correlation id, and the event id as causation, into handlers', async () => {
    const response = await s.app.inject({
      method: 'POST',
      url: '/test-probe',
      headers: { 'x-request-id': 'req-correlate-1', 'content-type': 'application/json' },
      payload: { label: 'correlated' },
    });
    expect(response.statusCode).toBe(201);
    const event = await s.waitForEvent(ProbeHappened, (e) => e.payload.label === 'correlated');
    expect(event.correlationId).toBe('req-correlate-1');
    await waitUntil(async () => (await effects('cart', 'correlated')) === 1);
    expect(probeControls.seenContexts).toContainEqual({ correlationId: 'req-correlate-1', causationId: event.eventId });
  });

  it('lets two relays over the same outbox deliver 1,000 events exactly once between them', async () => {
    const second = await openModuleDataSource({ module: 'catalog', entities: [] }, s.t.database, {
      poolSize: 2,
      migrationsRun: false,
      rolePassword: undefined,
    });
    try {
      const ids: string[] = [];
      // Only the two relays below may deliver: the app's own catalog relay stops first.
      await s.app.get(OutboxRelays).relay('catalog')!.stop();
      await runner.run('catalog', async (tx) => {
        for (let i = 0; i < 1000; i++) {
          const event = new ProbeHappened({ label: `race-${i}`, n: i });
          ids.push(event.eventId);
          tx.publish(event);
        }
      });
      const deliveries = new Map<string, number>();
      const byRelay = { a: 0, b: 0 };
      const count = (relay: 'a' | 'b') => async (envelope: MessageEnvelope) => {
        await new Promise((r) => setImmediate(r));
        byRelay[relay]++;
        deliveries.set(envelope.id, (deliveries.get(envelope.id) ?? 0) + 1);
      };
      const config = { ...s.t.config.messaging, batchSize: 50 };
      const relayA = new OutboxRelay('catalog', s.app.get(ModuleDataSources).get('catalog')!, count('a'), config);
      const relayB = new OutboxRelay('catalog', second, count('b'), config);
      await Promise.all([drainAll(relayA), drainAll(relayB)]);
      const ours = ids.map((id) => deliveries.get(id) ?? 0);
      expect(ours.filter((n) => n !== 1)).toEqual([]);
      // Both took part: the claims really interleaved.
      expect(byRelay.a).toBeGreaterThan(0);
      expect(byRelay.b).toBeGreaterThan(0);
    } finally {
      await second.destroy();
    }
  });
});

async function drainAll(relay: OutboxRelay): Promise<void> {
  while ((await relay.deliverBatch()) > 0) {
    // keep claiming until the outbox has nothing due
  }
}
