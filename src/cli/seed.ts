import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { productCount, seedCatalog } from '../modules/catalog/infrastructure/seed/catalog-seeder';
import { openForCli, withDatabase } from './cli-database';
import { DEMO_PASSWORD, seedDemoShop } from './demo-shop';

const USAGE = 'Usage: npm run seed [-- --count N] [--demo]   (N from 1 to 1000000; default 300)';

function parseArgs(argv: readonly string[]): { count: number; demo: boolean } {
  let count = 300;
  let demo = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--demo') demo = true;
    else if (argv[i] === '--count' && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) {
      count = Math.min(Number(argv[(i += 1)]), 1_000_000);
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
 * other modules like any new product. `--demo` then fills a living shop through the public API:
 * demo customers and their past orders, paid with the sandbox, so that the admin views and the
 * recommendations have something to show. Safe to run beside `npm start`.
 */
const args = parseArgs(process.argv.slice(2));
void withDatabase(async (target, config) => {
  if (args.demo && config.env === 'production') {
    console.error(`--demo creates customers with a published password (${DEMO_PASSWORD}); not in production.`);
    process.exit(2);
  }
  const db = await openForCli('catalog', target, config, true);
  try {
    const bar = new SingleBar(
      { format: 'Catalog [{bar}] {value}/{total} demo products | {eta_formatted} left' },
      Presets.shades_classic,
    );
    const started = Date.now();
    if (process.stdout.isTTY) bar.start(args.count, 0);
    const added = await seedCatalog(db, { count: args.count, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(
      `Catalog: ${added} demo products added (${args.count - added} were there already), ${await productCount(db)} in all, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.destroy();
  }
  if (args.demo) await seedDemoShop(config, target, args.count, (line) => console.log(line));
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
