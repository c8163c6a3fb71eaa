import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PRELOAD = resolve(__dirname, '../../bench/support/count-statements.cjs');
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Counts {
  readonly seq: number;
  readonly statements: number;
  readonly transactions: number;
  readonly explicit: number;
  readonly queries: number;
}

/**
 * Runs `body` (CommonJS, with `pg` required as `pg` and a connected `client`) in a Node process
 * preloaded with the counter, then signals it as the runner does and reads what it wrote.
 */
async function countedIn(body: string): Promise<Counts> {
  const dir = mkdtempSync(join(tmpdir(), 'count-statements-spec-'));
  const file = join(dir, 'counts-%p.json');
  const script = `
    const pg = require('pg');
    (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      ${body}
      await client.end();
      process.kill(process.pid, 'SIGWINCH');
      setTimeout(() => console.log(process.pid), 50);
    })().catch((error) => { console.error(error); process.exit(1); });`;
  try {
    const { stdout } = await run(process.execPath, ['-r', PRELOAD, '-e', script], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: url, COUNT_STATEMENTS_FILE: file },
    });
    return JSON.parse(readFileSync(file.replace('%p', stdout.trim()), 'utf8')) as Counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('counting statements and transactions through pg (bench/support/count-statements.cjs)', () => {
  it('counts a statement outside a transaction as its own transaction, and writes on SIGWINCH', async () => {
    const counts = await countedIn(`
      await client.query('SELECT 1');
      await client.query({ text: 'SELECT $1::int AS n', values: [2] });
      await client.query('  -- a comment\\n select 3');`);
    expect(counts).toMatchObject({ seq: 1, statements: 3, transactions: 3, explicit: 0, queries: 3 });
  });

  it('counts BEGIN … COMMIT and START TRANSACTION … ROLLBACK as one transaction each, savepoints inside', async () => {
    const counts = await countedIn(`
      await client.query('BEGIN');
      await client.query('SELECT 1');
      await client.query('SELECT 2');
      await client.query('COMMIT');
      await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await client.query('SAVEPOINT s1');
      await client.query('SELECT 1');
      await client.query('ROLLBACK TO SAVEPOINT s1');
      await client.query('SELECT 2');
      await client.query('ROLLBACK');`);
    expect(counts).toMatchObject({ statements: 10, transactions: 2, explicit: 2, queries: 10 });
  });

  it('counts a multi-statement text as its statements, in one implicit transaction, and never splits inside quotes', async () => {
    const counts = await countedIn(`
      await client.query("SELECT 'a;b'; SELECT $$c;d$$; /* e;f */ SELECT \\"g;h\\" FROM (SELECT 1 AS \\"g;h\\") t;");
      await client.query('BEGIN; SELECT 1; COMMIT; SELECT 2');`);
    // 3 statements in one implicit transaction; then BEGIN…COMMIT (3) and one more statement on its own.
    expect(counts).toMatchObject({ statements: 7, transactions: 3, explicit: 1, queries: 2 });
  });

  it('counts the statements of a pg Pool and of TypeORM, which query through the same Client', async () => {
    const counts = await countedIn(`
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
      await pool.query('SELECT 1');
      const { DataSource } = require('typeorm');
      const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 1 });
      await db.initialize();
      const before = require(${JSON.stringify(PRELOAD)}).counters.statements;
      await db.transaction(async (m) => {
        await m.query('SELECT 1');
        await m.query('SELECT 2');
      });
      if (require(${JSON.stringify(PRELOAD)}).counters.statements - before !== 4) throw new Error('TypeORM not counted');
      await db.destroy();
      await pool.end();`);
    // The TypeORM transaction (START TRANSACTION, 2 selects, COMMIT) is checked in the child; overall
    // at least the pool's SELECT and the transaction are there.
    expect(counts.statements).toBeGreaterThanOrEqual(5);
    expect(counts.transactions).toBeGreaterThanOrEqual(2);
  });
});
