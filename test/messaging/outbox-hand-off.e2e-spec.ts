import { DataSource } from 'typeorm';
import { ModuleDataSources } from '../../src/platform/database';
import { toEnvelope, TransactionRunner } from '../../src/platform/messaging/testing';
import { insertIntoOutbox } from '../../src/platform/messaging/outbox/outbox.sql';
import { Scenario } from '../support/scenario';
import { waitUntil } from '../support/wait-until';
import { ProbeHappened } from './probe.contracts';
import { createProbeTables, ProbeModule } from './probe.module';

const LEASE_MS = 400;

describe('outbox rows handed to the relay at commit', () => {
  let s: Scenario;
  const catalog = (): DataSource => s.app.get(ModuleDataSources).get('catalog')!;
  const cart = (): DataSource => s.app.get(ModuleDataSources).get('cart')!;
  const statusOf = async (id: string): Promise<{ status: string; due: boolean }> =>
    (
      (await catalog().query(`SELECT status, available_at <= now() AS due FROM outbox WHERE id = $1`, [id])) as {
        status: string;
        due: boolean;
      }[]
    )[0];
  const effects = async (label: string): Promise<number> =>
    (
      (await cart().query(`SELECT count(*)::int AS n FROM cart.probe_effects WHERE label = $1`, [label])) as {
        n: number;
      }[]
    )[0].n;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog', 'cart', 'orders'],
      extraModules: [ProbeModule],
      // Polls practically never: whatever is delivered here was handed over, or drained by the test.
      env: { OUTBOX_POLL_MS: '60000', OUTBOX_LEASE_MS: String(LEASE_MS) },
    });
    await createProbeTables(s.t.database.url);
  });
  afterAll(() => s.close());

  it('delivers a committed row straight away, without a poll, and marks it delivered', async () => {
    const event = new ProbeHappened({ label: 'handed-over', n: 1 });
    await s.app.get(TransactionRunner).run('catalog', async (tx) => tx.publish(event));
    await s.waitForEvent(ProbeHappened, (e) => e.eventId === event.eventId, 5_000);
    await waitUntil(async () => (await statusOf(event.eventId)).status === 'delivered');
    // Still inside its lease: no poll could have claimed it.
    expect(await statusOf(event.eventId)).toEqual({ status: 'delivered', due: false });
    expect(await effects('handed-over')).toBe(1);
  });

  it('leaves a row leased by a process that died to polls until its lease runs out, then delivers it', async () => {
    const event = new ProbeHappened({ label: 'orphaned-lease', n: 1 });
    // Written as a process writes rows for its own relay, which then dies before delivering them.
    await catalog().transaction((manager) => insertIntoOutbox(manager, [toEnvelope(event)], LEASE_MS));
    await s.flush();
    expect(await statusOf(event.eventId)).toEqual({ status: 'pending', due: false });
    expect(await effects('orphaned-lease')).toBe(0);

    await waitUntil(async () => (await statusOf(event.eventId)).due);
    await s.flush();
    expect((await statusOf(event.eventId)).status).toBe('delivered');
    expect(await effects('orphaned-lease')).toBe(1);
  });
});
