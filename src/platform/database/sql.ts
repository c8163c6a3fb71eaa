import { EntityManager } from 'typeorm';

/**
 * Raw SQL helpers for a module's repositories, in one place (each module had its own copy, and
 * two of them read an `UPDATE … RETURNING` answer the wrong way).
 *
 * TypeORM's pg driver answers a SELECT (or `INSERT … RETURNING`) with its rows, but an UPDATE or
 * DELETE with `[rows, rowCount]`; {@link queryRows} hides that, so every caller sees rows.
 */

/** `a, b, …` of a typed column list's distinct columns (`{ field: 'column' }`), optionally `alias.`-prefixed. */
export function selectList(columns: Readonly<Record<string, string>>, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return [...new Set(Object.values(columns))].map((column) => `${prefix}${column}`).join(', ');
}

/**
 * Runs a statement and returns its rows typed as the caller's row type (the one place of the cast):
 * the rows of a SELECT, or of an INSERT/UPDATE/DELETE `… RETURNING` (empty without RETURNING).
 */
export async function queryRows<Row>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<Row[]> {
  const result: unknown = await manager.query(sql, parameters as unknown[]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Row[];
  }
  return result as Row[];
}

/** How many rows an UPDATE or DELETE touched. */
export async function affected(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<number> {
  const result = (await manager.query(sql, parameters as unknown[])) as [unknown[], number];
  return result[1];
}

/** The rows an `UPDATE … RETURNING` gave back (the same as {@link queryRows}; kept for its name at call sites). */
export async function updatedRows<Row>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  return queryRows<Row>(manager, sql, parameters);
}
