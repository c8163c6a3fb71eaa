import { EntityManager } from 'typeorm';

/** `a AS "b", …` for a typed column list (`{ field: 'column' }`), so rows come back keyed by column. */
export function selectList(columns: Readonly<Record<string, string>>, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return [...new Set(Object.values(columns))].map((column) => `${prefix}${column}`).join(', ');
}

/** Runs a statement and returns its rows typed as the caller's row type (the one place of the cast). */
export async function queryRows<Row>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  return (await manager.query(sql, parameters)) as Row[];
}

/** Rows an UPDATE or DELETE touched (TypeORM's pg driver answers `[rows, count]`). */
export async function affected(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const result = (await manager.query(sql, parameters)) as [unknown[], number];
  return result[1];
}

/** The rows an UPDATE … RETURNING gave back (TypeORM's pg driver answers `[rows, count]` for an UPDATE). */
export async function updatedRows<Row>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  const result = (await manager.query(sql, parameters)) as [Row[], number];
  return result[0];
}
