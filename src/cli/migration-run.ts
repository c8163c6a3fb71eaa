import 'reflect-metadata';
import { MODULE_NAMES } from '../business-modules';
import { moduleNamed, openForCli, withDatabase } from './cli-database';

/** `npm run migration:run [-- <module> ...]`: applies pending migrations, each module in its own schema. */
void withDatabase(async (target, config) => {
  const names = process.argv.length > 2 ? process.argv.slice(2).map(moduleNamed) : MODULE_NAMES;
  for (const module of names) {
    const dataSource = await openForCli(module, target, config, false);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(`${module}: ${applied.length === 0 ? 'up to date' : applied.map((m) => m.name).join(', ')}`);
    } finally {
      await dataSource.destroy();
    }
  }
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
