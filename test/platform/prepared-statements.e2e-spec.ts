import { TransactionRunner } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Statements with parameters go as named prepared statements (DATABASE_PREPARED_STATEMENTS, on by
 * default): PostgreSQL parses and plans each once per connection. Seen from the connection itself
 * (pg_prepared_statements lists what this session prepared).
 */
describe('prepared statements', () => {
  const preparedOnConnection = async (t: TestApp): Promise<{ repeated: number; all: string[] }> =>
    t.app.get(TransactionRunner).run('catalog', async (tx) => {
      const probe = 'SELECT $1::int + 1 AS n /* prepared-statements probe */';
      for (let i = 0; i < 3; i++) await tx.manager.query(probe, [i]);
      const rows = (await tx.manager.query('SELECT name, statement FROM pg_prepared_statements')) as {
        name: string;
        statement: string;
      }[];
      return {
        repeated: rows.filter((r) => r.statement.includes('prepared-statements probe')).length,
        all: rows.map((r) => r.name),
      };
    });

  it('prepares a statement with parameters once per connection, under a name from its text', async () => {
    const t = await createTestApp({ modules: ['catalog'] });
    try {
      const { repeated, all } = await preparedOnConnection(t);
      expect(repeated).toBe(1);
      expect(all.every((name) => /^a[0-9a-f]{20}$/.test(name))).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('sends every statement unnamed with DATABASE_PREPARED_STATEMENTS=false (for a pooler in transaction mode)', async () => {
    const t = await createTestApp({ modules: ['catalog'], env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
    try {
      expect(await preparedOnConnection(t)).toEqual({ repeated: 0, all: [] });
    } finally {
      await t.close();
    }
  });
});
