import { Client } from 'pg';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';

describe('TransactionRunner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog'] });
    const sql = new Client({ connectionString: t.database.url });
    await sql.connect();
    await sql.query('CREATE TABLE catalog.locks (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)');
    await sql.query('ALTER TABLE catalog.locks OWNER TO arcade_catalog');
    await sql.query('INSERT INTO catalog.locks (id) VALUES (1), (2)');
    await sql.end();
  });
  afterAll(() => t.close());

  it('runs a unit again when PostgreSQL picks it as a deadlock victim, so both sides succeed', async () => {
    const runner = t.app.get(TransactionRunner);
    let bothHoldFirstLock: () => void;
    const rendezvous = new Promise<void>((r) => (bothHoldFirstLock = r));
    let holding = 0;
    const lockBoth = (first: number, second: number) =>
      runner.run('catalog', async (tx) => {
        await tx.manager.query('UPDATE locks SET n = n + 1 WHERE id = $1', [first]);
        if (++holding === 2) bothHoldFirstLock();
        await Promise.race([rendezvous, new Promise((r) => setTimeout(r, 500))]);
        await tx.manager.query('UPDATE locks SET n = n + 1 WHERE id = $1', [second]);
      });
    await Promise.all([lockBoth(1, 2), lockBoth(2, 1)]);
    const rows = (await runner.run('catalog', (tx) => tx.manager.query('SELECT id, n FROM locks ORDER BY id'))) as {
      id: number;
      n: number;
    }[];
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('refuses a read on a second connection of a module inside its transaction, and allows it outside one', async () => {
    // Such a read waits for another pooled connection while the transaction holds one: with every
    // connection held that way, nothing ever frees one (payments' pool deadlocked like this).
    const runner = t.app.get(TransactionRunner);
    await expect(runner.run('catalog', async () => runner.reader('catalog').query('SELECT 1'))).rejects.toThrow(
      'A read on a second catalog connection inside a catalog transaction',
    );
    expect(await runner.reader('catalog').query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await runner.run('catalog', async (tx) => tx.manager.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});
