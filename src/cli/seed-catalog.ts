import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { clearCatalog, productCount, seedCatalog } from '../modules/catalog/infrastructure/seed/catalog-seeder';
import { openForCli, withDatabase } from './cli-database';

const USAGE = 'Usage: npm run seed [-- --count N] [--reset]   (N from 1 to 1000000; default 300)';

function parseArgs(argv: readonly string[]): { count: number; reset: boolean } {
  let count = 300;
  let reset = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--reset') reset = true;
    else if (
      argv[i] === '--count' &&
      /^\d+$/.test(argv[i + 1] ?? '') &&
      Number(argv[i + 1]) >= 1 &&
      Number(argv[i + 1]) <= 1_000_000
    ) {
      count = Number(argv[(i += 1)]);
    } else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return { count, reset };
}

/** `npm run seed`: loads a deterministic demo catalog into the catalog schema (migrating it first). */
const args = parseArgs(process.argv.slice(2));
void withDatabase(async (target, config) => {
  const db = await openForCli('catalog', target, config, true);
  try {
    const existing = await productCount(db);
    if (existing > 0 && !args.reset) {
      console.log(`The catalog already has ${existing} products; run with --reset to replace them.`);
      return;
    }
    if (args.reset) await clearCatalog(db);
    const bar = new SingleBar(
      { format: 'Seeding catalog [{bar}] {value}/{total} products | {eta_formatted} left' },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(args.count, 0);
    await seedCatalog(db, { count: args.count, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(`Seeded ${args.count} products in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.destroy();
  }
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
