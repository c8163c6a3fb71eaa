import { createHash } from 'node:crypto';
import { Client, QueryConfig } from 'pg';

/** Statement texts already named, so each is hashed once (bounded: texts with many shapes are few). */
const names = new Map<string, string>();
const MAX_NAMES = 5_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `a${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * A `pg` client that sends every statement with parameters as a named prepared statement (its name
 * a hash of its text): PostgreSQL parses and plans it once per connection instead of on every
 * execution (issue 24: parse and plan were a large part of the database's CPU per order; the
 * statements are short and repeated). Statements without parameters (BEGIN, COMMIT, DDL, several
 * statements in one text) go as before. Turned off with `DATABASE_PREPARED_STATEMENTS=false`, for a
 * pooler in transaction mode (PgBouncer), which cannot keep a statement on one server connection.
 */
export class PreparingClient extends Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const config: QueryConfig = { name: nameOf(text), text, values: values as unknown[] };
      return (super.query as (...a: unknown[]) => never)(config, ...args.slice(2));
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
