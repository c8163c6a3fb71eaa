import { Client } from 'pg';
import {
  LocalEventDispatcher,
  MessageBus,
  MessageEnvelope,
  toEnvelope,
  TransactionRunner,
} from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait-until';
import {
  BatchProbeHappened,
  BatchProbeModule,
  batchProbe,
  createBatchProbeTables,
  RecordBatchProbe,
} from './batch-probe.module';

/**
 * Batched handling (ADR 0123): messages that queue for a batched handler while it is busy are
 * handled many per transaction, each exactly once, and one that fails never fails the others.
 * One batch at a time (MESSAGE_BATCH_CONCURRENCY=1) and a message that holds its batch make the
 * queue deterministic: everything dispatched while `hold` is handled forms the next batch.
 */
describe('batched handling', () => {
  let t: TestApp;
  let sql: Client;
  let dispatcher: LocalEventDispatcher;
  let bus: MessageBus;

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['catalog', 'cart'],
      extraModules: [BatchProbeModule],
      env: { MESSAGE_BATCH_CONCURRENCY: '1', MESSAGE_BATCH_MAX: '32', OUTBOX_RELAY: 'false' },
    });
    await createBatchProbeTables(t.database.url);
    dispatcher = t.app.get(LocalEventDispatcher);
    bus = t.app.get(MessageBus);
    sql = new Client({ connectionString: t.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await Promise.all(batchProbe.checks);
    await sql.end();
    await t.close();
  });

  /** Holds the handler's current batch until the returned function is called. */
  function holdBatch(): () => void {
    let release!: () => void;
    batchProbe.hold = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  const event = (label: string): MessageEnvelope => toEnvelope(new BatchProbeHappened({ label }));
  const effects = async (kind: 'event' | 'command', labels: string[]) =>
    (
      await sql.query<{ label: string; txid: string }>(
        `SELECT label, txid FROM ${kind === 'event' ? 'cart' : 'catalog'}.batch_probe_effects
          WHERE kind = $1 AND label = ANY($2) ORDER BY label`,
        [kind, labels],
      )
    ).rows;

  it('handles the events that queue while a batch runs in one transaction, each once', async () => {
    const release = holdBatch();
    const held = dispatcher.dispatch(event('hold'));
    const labels = Array.from({ length: 20 }, (_, i) => `queued-${String(i).padStart(2, '0')}`);
    const queued = labels.map((label) => dispatcher.dispatch(event(label)));
    release();
    await Promise.all([held, ...queued]);

    const rows = await effects('event', labels);
    expect(rows.map((r) => r.label)).toEqual(labels);
    expect(new Set(rows.map((r) => r.txid)).size).toBe(1);
    const [{ txid: holdTx }] = await effects('event', ['hold']);
    expect(rows[0].txid).not.toBe(holdTx);
  });

  it('fails only the event that failed; the others of its batch commit once', async () => {
    const release = holdBatch();
    const held = dispatcher.dispatch(event('hold'));
    const envelopes = ['keep-a', 'poison', 'keep-b', 'swallow', 'keep-c'].map((label) => event(label));
    const outcomes = Promise.allSettled(envelopes.map((envelope) => dispatcher.dispatch(envelope)));
    release();
    await held;
    const [a, poison, b, swallow, c] = await outcomes;

    expect([a.status, b.status, c.status]).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(poison).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringContaining('This probe always fails') },
    });
    // A handler that caught a failed statement and went on: its transaction cannot commit, and it says so.
    expect(swallow).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringContaining('nothing of it is committed') },
    });
    expect((await effects('event', ['keep-a', 'keep-b', 'keep-c'])).map((r) => r.label)).toEqual([
      'keep-a',
      'keep-b',
      'keep-c',
    ]);
    expect(await effects('event', ['poison', 'swallow'])).toEqual([]);
    // Not recorded in the inbox either: a redelivery handles them again.
    const { rows } = await sql.query('SELECT 1 FROM cart.inbox WHERE event_id = ANY($1)', [
      [envelopes[1].id, envelopes[3].id],
    ]);
    expect(rows).toEqual([]);
  });

  it('handles an event delivered twice, in one batch or after it, once', async () => {
    const twice = event('twice');
    const release = holdBatch();
    const held = dispatcher.dispatch(event('hold'));
    const deliveries = [dispatcher.dispatch(twice), dispatcher.dispatch(event('other')), dispatcher.dispatch(twice)];
    release();
    await Promise.all([held, ...deliveries]);
    await dispatcher.dispatch(twice);
    expect((await effects('event', ['twice', 'other'])).map((r) => r.label)).toEqual(['other', 'twice']);
  });

  it('answers each batched command its own result after the batch commits, and fails only the failing one', async () => {
    const release = holdBatch();
    const held = bus.execute(new RecordBatchProbe('hold'));
    const labels = Array.from({ length: 10 }, (_, i) => `command-${i}`);
    const answers = labels.map((label) => bus.execute(new RecordBatchProbe(label)));
    const poison = bus.execute(new RecordBatchProbe('poison')).catch((error: unknown) => error);
    release();
    await held;

    const results = await Promise.all(answers);
    expect(results.map((r) => r.label)).toEqual(labels);
    expect(new Set(results.map((r) => r.txid)).size).toBe(1);
    expect(await poison).toMatchObject({ problem: { status: 409, detail: 'This probe always fails.' } });
    expect((await effects('command', labels)).map((r) => r.txid)).toEqual(labels.map(() => results[0].txid));
    expect(await effects('command', ['poison'])).toEqual([]);
    // Each after-commit callback ran once, after its row was visible to everyone.
    await waitUntil(async () => batchProbe.committed.length >= labels.length + 1);
    expect(batchProbe.committed.filter((c) => labels.includes(c.label))).toEqual(
      expect.arrayContaining(labels.map((label) => ({ label, visible: true }))),
    );
    expect(batchProbe.committed.filter((c) => c.label === 'poison')).toEqual([]);
    expect(batchProbe.committed.every((c) => c.visible)).toBe(true);
  });

  it('undoes a unit of work that failed inside a batched command even when the handler caught it, as it does alone', async () => {
    const undone = async (labels: string[]) =>
      (
        await sql.query<{ label: string }>(
          `SELECT label FROM catalog.batch_probe_effects WHERE kind = 'undone' AND label = ANY($1)`,
          [labels],
        )
      ).rows;
    // Alone (the handler idle): the failed unit rolled back on its own, the command went on.
    await bus.execute(new RecordBatchProbe('caught-alone'));
    expect(await undone(['caught-alone'])).toEqual([]);

    // In a batch: the same handler, queued behind one that holds the handler.
    const release = holdBatch();
    const held = bus.execute(new RecordBatchProbe('hold'));
    const labels = ['caught-before', 'caught-in-batch', 'caught-after'];
    const answers = labels.map((label) => bus.execute(new RecordBatchProbe(label)));
    release();
    await held;
    expect((await Promise.all(answers)).map((answer) => answer.label)).toEqual(labels);

    expect((await effects('command', labels)).map((row) => row.label)).toEqual([...labels].sort());
    expect(await undone(labels)).toEqual([]);
    expect(batchProbe.committed.filter((c) => c.label.startsWith('undone-'))).toEqual([]);
  });

  it('refuses to seem to commit a transaction whose statement failed, batched or not', async () => {
    const runner = t.app.get(TransactionRunner);
    await expect(
      runner.run('catalog', async (tx) => {
        await tx.manager.query('SELECT 1 / 0').catch(() => undefined);
      }),
    ).rejects.toThrow('nothing of it is committed');
  });
});
