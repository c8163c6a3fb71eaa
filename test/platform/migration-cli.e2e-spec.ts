import { cliJs, killStartedProcesses, startCliProcess } from '../support/app-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('npm run migration:run and migration:generate', () => {
  let db: TestDatabase;
  const run = async (tool: string, ...args: string[]) => {
    const cli = startCliProcess(cliJs(tool), args, { NODE_ENV: 'test', DATABASE_URL: db.url });
    return { code: await cli.exited(), output: cli.output().trim() };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await killStartedProcesses();
    await db.drop();
  });

  it('apply the migrations of the modules named, then find nothing to generate where entities and schema agree', async () => {
    expect(await run('migration-run', 'catalog')).toMatchObject({
      code: 0,
      output: expect.stringContaining('catalog'),
    });
    // The built tool is CommonJS: a top-level name of the module wrapper (module, exports, require)
    // made Node reparse it as an ES module, which then failed on `exports`.
    expect(await run('migration-generate', 'catalog', 'Nothing')).toEqual({
      code: 0,
      output: 'catalog: entities and schema agree; no migration written',
    });
  });

  it('refuse a module that does not exist or a name that is not PascalCase', async () => {
    expect(await run('migration-generate', 'warehouse', 'AddThing')).toMatchObject({
      code: 2,
      output: expect.stringContaining('Name one module'),
    });
    expect(await run('migration-generate', 'catalog', 'add thing')).toMatchObject({
      code: 2,
      output: expect.stringContaining('PascalCase'),
    });
  });
});
