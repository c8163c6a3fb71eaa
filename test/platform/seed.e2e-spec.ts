import { Client } from 'pg';
import { cliJs, killStartedProcesses, startCliProcess } from '../support/app-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// Each case starts real processes (and PostgreSQL): minutes, not seconds, on a busy 2-core machine.
jest.setTimeout(180_000);

describe('npm run seed', () => {
  let db: TestDatabase;
  const seed = async (...args: string[]) => {
    const cli = startCliProcess(cliJs('seed'), args, { NODE_ENV: 'test', DATABASE_URL: db.url });
    const code = await cli.exited();
    if (code !== 0) throw new Error(`seed ${args.join(' ')} exited ${code}:\n${cli.output()}`);
    return cli.output();
  };
  const count = async (sql: string): Promise<number> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0].n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await killStartedProcesses();
    await db.drop();
  });

  it('refuses a count it does not take, with the usage, before it touches the database', async () => {
    for (const [value, message] of [
      ['1000001', '--count must be at most 1000000 (got 1000001)'],
      ['99999999999999999999', '--count must be at most 1000000'],
      ['-1', 'Usage: npm run seed'],
      ['abc', 'Usage: npm run seed'],
      ['0', 'Usage: npm run seed'],
    ]) {
      const cli = startCliProcess(cliJs('seed'), ['--count', value], { NODE_ENV: 'test', DATABASE_URL: db.url });
      expect({ value, code: await cli.exited(), output: cli.output() }).toEqual({
        value,
        code: 2,
        output: expect.stringContaining(message),
      });
    }
    expect(await count(`SELECT count(*) AS n FROM pg_namespace WHERE nspname = 'catalog'`)).toBe(0);
  });

  it('adds to what is there, fills a living shop through the real flows, and adds nothing the second time', async () => {
    const plain = await seed('--count', '20');
    expect(plain).toContain('Catalog: 20 demo products added (0 were there already)');
    expect(plain).toContain('Shipping: added the "Europe" zone');

    const demo = await seed('--count', '40', '--demo');
    expect(demo).toContain('Catalog: 20 demo products added (20 were there already), 40 in all');
    const placed = /Demo shop: 12 customers \(12 new\), (\d+) orders placed now \((\d+) confirmed\)/.exec(demo);
    expect(placed).not.toBeNull();
    expect(Number(placed![1])).toBeGreaterThanOrEqual(12);
    expect(Number(placed![2])).toBeGreaterThan(0);

    const shop = async () => ({
      products: await count('SELECT count(*) AS n FROM catalog.products'),
      customers: await count(`SELECT count(*) AS n FROM accounts.users WHERE email LIKE '%@demo.arcade.localhost'`),
      orders: await count('SELECT count(*) AS n FROM orders.orders'),
      confirmed: await count(`SELECT count(*) AS n FROM orders.orders WHERE status = 'confirmed'`),
      // Recommendations learned of every product (its card) and of the confirmed orders.
      cards: await count('SELECT count(*) AS n FROM recommendations.product WHERE title IS NOT NULL'),
      purchases: await count('SELECT count(DISTINCT order_id) AS n FROM recommendations.purchase'),
      // Every demo order chose the default method (free from EUR 50.00, else 4.90).
      withoutMethod: await count('SELECT count(*) AS n FROM orders.orders WHERE shipping_method_id IS NULL'),
      methods: await count('SELECT count(*) AS n FROM shipping.methods'),
    });
    const first = await shop();
    expect(first).toEqual({
      products: 40,
      customers: 12,
      orders: Number(placed![1]),
      confirmed: Number(placed![2]),
      cards: 40,
      purchases: Number(placed![2]),
      withoutMethod: 0,
      methods: 1,
    });

    const again = await seed('--count', '40', '--demo');
    expect(again).toContain('Catalog: 0 demo products added (40 were there already)');
    expect(again).toContain('Shipping: kept the "Europe" zone');
    expect(again).toContain('Demo shop: 12 customers (0 new), 0 orders placed now');
    expect(await shop()).toEqual(first);
  });

  it('runs one seed at a time: a second one started at once waits, then finds the shop there', async () => {
    const fresh = await createTestDatabase();
    try {
      const runs = [1, 2].map(() =>
        startCliProcess(cliJs('seed'), ['--count', '30', '--demo'], { NODE_ENV: 'test', DATABASE_URL: fresh.url }),
      );
      const outcomes = await Promise.all(runs.map(async (run) => ({ code: await run.exited(), output: run.output() })));
      expect(outcomes.map((o) => o.code)).toEqual([0, 0]);
      const placed = outcomes.map((o) => Number(/(\d+) orders placed now/.exec(o.output)?.[1]));
      // One run placed the demo orders, the other found them there.
      expect(placed.sort((a, b) => a - b)[0]).toBe(0);
      const client = new Client({ connectionString: fresh.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM orders.orders');
        expect(Number(rows[0].n)).toBe(placed[1]);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.drop();
    }
  });
});
