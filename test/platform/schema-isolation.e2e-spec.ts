import { DataSource } from 'typeorm';
import { openModuleDataSource } from '../../src/platform/database';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('per-module schemas, roles and migrations', () => {
  let database: TestDatabase;
  let catalog: DataSource;
  let cart: DataSource;
  const config = { poolSize: 2, migrationsRun: true, rolePassword: undefined };

  beforeAll(async () => {
    database = await createTestDatabase();
    catalog = await openModuleDataSource({ module: 'catalog', entities: [] }, database, config);
    cart = await openModuleDataSource({ module: 'cart', entities: [] }, database, config);
  });
  afterAll(async () => {
    await catalog?.destroy();
    await cart?.destroy();
    await database?.drop();
  });

  it('connects each module as its own role, with its own schema first on the search path', async () => {
    const [row] = await catalog.query('SELECT current_user AS "user", current_schema() AS "schema"');
    expect(row).toEqual({ user: 'arcade_catalog', schema: 'catalog' });
  });

  it('keeps a migrations table per module, inside its schema', async () => {
    const rows = await cart.query('SELECT name FROM cart.migrations');
    expect(rows.map((r: { name: string }) => r.name)).toContain('DescribeCartSchema1764028800000');
  });

  it("refuses a query from one module into another module's schema", async () => {
    await cart.query('CREATE TABLE cart.probe (id int)');
    await expect(catalog.query('SELECT * FROM cart.probe')).rejects.toMatchObject({ code: '42501' });
    await expect(catalog.query('SELECT * FROM cart.migrations')).rejects.toThrow(/permission denied/);
  });

  it("refuses to write into another module's schema too", async () => {
    await expect(catalog.query('CREATE TABLE cart.intruder (id int)')).rejects.toMatchObject({ code: '42501' });
  });

  it('can be bootstrapped again (idempotent start-up)', async () => {
    const again = await openModuleDataSource({ module: 'catalog', entities: [] }, database, config);
    await again.destroy();
  });
});
