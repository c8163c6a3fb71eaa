import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { productCount, seedCatalog } from '../modules/catalog/infrastructure/seed/catalog-seeder';
import { DEFAULT_METHOD, DEFAULT_ZONE, seedShipping } from '../modules/shipping/infrastructure/seed/shipping-seeder';
import { AppConfig } from '../platform/config';
import { DatabaseTarget } from '../platform/database';
import { openForCli, withDatabase } from './cli-database';
import { DEMO_PASSWORD, seedDemoShop } from './demo-shop';

const MAX_COUNT = 1_000_000;
const USAGE = `Usage: npm run seed [-- --count N] [--demo]   (N from 1 to ${MAX_COUNT}; default 300)`;

function parseArgs(argv: readonly string[]): { count: number; demo: boolean } {
  let count = 300;
  let demo = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--demo') demo = true;
    else if (argv[i] === '--count' && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) {
      // Out of range is refused, not cut down: a typo must not start a million inserts.
      if (Number(argv[i + 1]) > MAX_COUNT) {
        console.error(`--count must be at most ${MAX_COUNT} (got ${argv[i + 1]})\n${USAGE}`);
        process.exit(2);
      }
      count = Number(argv[(i += 1)]);
    } else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return { count, demo };
}

/**
 * `npm run seed [-- --count N] [--demo]`: makes sure the first N demo products are in the catalog
 * (additive and idempotent: what is there stays, a second run adds nothing), announced to the
 * other modules like any new product, and that the shop has a default shipping zone and method. `--demo` then fills a living shop through the public API:
 * demo customers and their past orders, paid with the sandbox, so that the admin views and the
 * recommendations have something to show. Safe to run beside `npm start`.
 */
const args = parseArgs(process.argv.slice(2));
void withDatabase(async (target, config) => {
  if (args.demo && config.env === 'production') {
    console.error(`--demo creates customers with a published password (${DEMO_PASSWORD}); not in production.`);
    process.exit(2);
  }
  const lock = await takeSeedLock(target.url);
  try {
    await seedProducts(target, config, args.count);
    await seedDefaultShipping(target, config);
    if (args.demo) await seedDemoShop(config, target, args.count, (line) => console.log(line));
  } finally {
    await lock.end();
  }
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Makes sure the first `count` demo products exist, with a progress bar at a terminal. */
async function seedProducts(target: DatabaseTarget, config: AppConfig, count: number): Promise<void> {
  const db = await openForCli('catalog', target, config, true);
  try {
    const bar = new SingleBar(
      { format: 'Catalog [{bar}] {value}/{total} demo products | {eta_formatted} left' },
      Presets.shades_classic,
    );
    const started = Date.now();
    if (process.stdout.isTTY) bar.start(count, 0);
    const added = await seedCatalog(db, { count, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(
      `Catalog: ${added} demo products added (${count - added} were there already), ${await productCount(db)} in all, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.destroy();
  }
}

/** Makes sure the shop ships: a default zone and method (checkout requires a method once one exists). */
async function seedDefaultShipping(target: DatabaseTarget, config: AppConfig): Promise<void> {
  const db = await openForCli('shipping', target, config, true);
  try {
    const added = await seedShipping(db);
    console.log(
      `Shipping: ${added ? 'added' : 'kept'} the "${DEFAULT_ZONE.name}" zone (${DEFAULT_ZONE.countries.length} countries) ` +
        `with its "${DEFAULT_METHOD.name}" method (EUR 4.90, free from EUR 50.00).`,
    );
  } finally {
    await db.destroy();
  }
}

/**
 * One seed at a time on a database: two runs at once would both find a demo customer without
 * orders and place the same orders (the second one's then fail on their Idempotency-Key). A later
 * run waits for the first, then finds everything there. The lock is PostgreSQL's (a session-level
 * advisory lock), held by the returned connection until it ends, and freed if this process dies.
 */
async function takeSeedLock(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'arcade:seed' });
  await client.connect();
  const key = `hashtext('arcade:seed')`;
  const taken = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS ok`);
  if (!taken.rows[0].ok) {
    console.log('Another seed is running on this database: waiting for it to finish.');
    await client.query(`SELECT pg_advisory_lock(${key})`);
  }
  return client;
}
