import { resolve } from 'node:path';
import { Client } from 'pg';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';
import { runTs, TsProcess } from '../support/ts-process';
import { orderConfirmed } from './shipping-support';

const CHILD = resolve(__dirname, 'support/shipping-relay-child.ts');
const ORDERS = 12;

/**
 * The app killed (SIGKILL) while it turns confirmed orders into shipments loses none and doubles none:
 * orders' outbox keeps what was not marked delivered, shipping's inbox and its one-record-per-order
 * absorb what was delivered twice.
 */
describe('shipping: killed while shipments are being created', () => {
  let t: TestApp;
  let sql: Client;
  const children: TsProcess[] = [];

  beforeAll(async () => {
    // This process only writes the events; it delivers nothing, the children do.
    t = await createTestApp({ modules: ['orders', 'shipping'], env: { OUTBOX_RELAY: 'false' } });
    sql = new Client({ connectionString: t.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await sql.end();
    await t.close();
  });

  const start = (crashPoint?: string): TsProcess => {
    const child = runTs(CHILD, { DATABASE_URL: t.database.url, CRASH_POINT: crashPoint, OUTBOX_POLL_MS: '50' });
    children.push(child);
    return child;
  };
  const count = async (query: string): Promise<number> => (await sql.query(query)).rows[0].n as number;

  // Three process starts, each compiling the app: more than the default 60 s on a loaded machine.
  it('creates exactly one shipment per confirmed order across two crashes and a restart', async () => {
    const events = Array.from({ length: ORDERS }, () => orderConfirmed([{ quantity: 2 }, { quantity: 1 }]));
    await t.app.get(TransactionRunner).run('orders', async (tx) => tx.publish(...events));

    expect(await start('after-delivery').exited()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await count('SELECT count(*)::int AS n FROM shipping.shipments')).toBeGreaterThanOrEqual(1);
    expect(await start('before-delivery').exited()).toEqual({ code: null, signal: 'SIGKILL' });

    const relay = start();
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      (await count(`SELECT count(*)::int AS n FROM orders.outbox WHERE status <> 'delivered'`)) > 0
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await count(`SELECT count(*)::int AS n FROM orders.outbox WHERE status <> 'delivered'`)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM shipping.fulfilment_orders')).toBe(ORDERS);
    expect(await count('SELECT count(*)::int AS n FROM shipping.shipments')).toBe(ORDERS);
    expect(await count('SELECT count(DISTINCT order_id)::int AS n FROM shipping.shipments')).toBe(ORDERS);
    relay.child.kill('SIGTERM');
    await relay.exited();
  }, 180_000);
});
