import { resolve } from 'node:path';
import { Client } from 'pg';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { ProbeHappened } from '../messaging/probe.contracts';
import { PROBE_TABLES_SQL, ProbeModule } from '../messaging/probe.module';
import { createTestApp, TestApp } from '../support/test-app';
import { runTs, TsProcess } from '../support/ts-process';

const CHILD = resolve(__dirname, 'support/relay-child.ts');

describe('a relay process killed with SIGKILL (outbox + inbox guarantees)', () => {
  let t: TestApp;
  let sql: Client;
  const children: TsProcess[] = [];

  beforeAll(async () => {
    // This process only writes events; it runs no relay, so only the children deliver.
    t = await createTestApp({
      modules: ['catalog', 'cart', 'orders'],
      extraModules: [ProbeModule],
      env: { OUTBOX_RELAY: 'false' },
    });
    sql = new Client({ connectionString: t.database.url });
    await sql.connect();
    for (const statement of PROBE_TABLES_SQL) await sql.query(statement);
  });
  afterAll(async () => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await sql.end();
    await t.close();
  });

  const startRelay = (crashPoint?: string): TsProcess => {
    const child = runTs(CHILD, { DATABASE_URL: t.database.url, CRASH_POINT: crashPoint, OUTBOX_POLL_MS: '50' });
    children.push(child);
    return child;
  };
  const publish = async (label: string): Promise<string> => {
    const event = new ProbeHappened({ label, n: 1 });
    await t.app.get(TransactionRunner).run('catalog', async (tx) => tx.publish(event));
    return event.eventId;
  };
  const state = async (eventId: string) => {
    const status = (await sql.query('SELECT status FROM catalog.outbox WHERE id = $1', [eventId])).rows[0]
      .status as string;
    const cart = (await sql.query('SELECT count(*)::int AS n FROM cart.probe_effects WHERE event_id = $1', [eventId]))
      .rows[0].n as number;
    const orders = (
      await sql.query('SELECT count(*)::int AS n FROM orders.probe_effects WHERE event_id = $1', [eventId])
    ).rows[0].n as number;
    return { status, cart, orders };
  };
  const until = async (eventId: string, wanted: { status: string; cart: number; orders: number }) => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (JSON.stringify(await state(eventId)) === JSON.stringify(wanted)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await state(eventId)).toEqual(wanted);
  };

  it('delivers after a restart an event whose relay died after commit and before delivery', async () => {
    const eventId = await publish('crash-before');
    const doomed = startRelay('before-delivery');
    expect(await doomed.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await state(eventId)).toEqual({ status: 'pending', cart: 0, orders: 0 });

    const relay = startRelay();
    await until(eventId, { status: 'delivered', cart: 1, orders: 1 });
    relay.child.kill('SIGTERM');
    await relay.exited();
  });

  it('absorbs the duplicate when the relay died after delivery and before marking it delivered', async () => {
    const eventId = await publish('crash-after');
    const doomed = startRelay('after-delivery');
    expect(await doomed.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await state(eventId)).toEqual({ status: 'pending', cart: 1, orders: 1 });

    const relay = startRelay();
    await until(eventId, { status: 'delivered', cart: 1, orders: 1 });
    const inbox = await sql.query('SELECT count(*)::int AS n FROM cart.inbox WHERE event_id = $1', [eventId]);
    expect(inbox.rows[0].n).toBe(1);
    relay.child.kill('SIGTERM');
    await relay.exited();
  });
});
