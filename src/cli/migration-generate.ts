import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { moduleNamed, openForCli, withDatabase } from './cli-database';

/**
 * `npm run migration:generate -- <module> <Name>`: compares the module's entities with its schema
 * (after applying pending migrations) and writes the difference as a new migration in
 * `migrations/<module>/`.
 */
const [, , moduleArg, nameArg] = process.argv;
const moduleName = moduleNamed(moduleArg);
if (!nameArg || !/^[A-Z][A-Za-z0-9]*$/.test(nameArg)) {
  console.error('Give the migration a PascalCase name, e.g. `npm run migration:generate -- catalog AddProductSearch`');
  process.exit(2);
}

void withDatabase(async (target, config) => {
  const dataSource = await openForCli(moduleName, target, config, true);
  try {
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      console.log(`${moduleName}: entities and schema agree; no migration written`);
      return;
    }
    const timestamp = Date.now();
    const className = `${nameArg}${timestamp}`;
    const toCalls = (queries: { query: string; parameters?: unknown[] }[]) =>
      queries
        .map(
          (q) =>
            `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
        )
        .join('\n');
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${toCalls(upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${toCalls([...downQueries].reverse())}
  }
}
`;
    // Written into the source tree, not the build, whichever of the two this runs from.
    const sourceDir = resolve(process.cwd(), 'migrations', moduleName);
    const file = join(sourceDir, `${timestamp}-${nameArg}.ts`);
    writeFileSync(file, source);
    console.log(`${moduleName}: wrote ${relative(process.cwd(), file)} (${upQueries.length} statements)`);
  } finally {
    await dataSource.destroy();
  }
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
