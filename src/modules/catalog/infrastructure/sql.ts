import { EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows. TypeORM answers UPDATE/DELETE with `[rows, rowCount]`; this
 * hides that so every caller sees rows (of `RETURNING`, for writes).
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params as unknown[]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
