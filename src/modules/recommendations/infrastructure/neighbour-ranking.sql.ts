import { EntityManager } from 'typeorm';

/**
 * Top-N neighbours by cosine similarity, the SQL twin of `rankNeighbours` in domain/similarity.ts
 * (same formula, same tie-break on id). Both the incremental refresh (NeighbourRepository) and the full rebuild use it,
 * so they cannot drift apart. `$1` is N; `filter` may add a WHERE clause on `c.product_id`.
 */
export function rankedNeighboursSql(filter = ''): string {
  return `
    SELECT product_id, other_id, score FROM (
      SELECT c.product_id, c.other_id,
             c.weight / sqrt(a.occurrences * b.occurrences) AS score,
             row_number() OVER (
               PARTITION BY c.product_id
               ORDER BY c.weight / sqrt(a.occurrences * b.occurrences) DESC, c.other_id
             ) AS rank
      FROM co_occurrence c
      JOIN product a ON a.product_id = c.product_id
      JOIN product b ON b.product_id = c.other_id
      WHERE a.occurrences > 0 AND b.occurrences > 0 ${filter ? `AND ${filter}` : ''}
    ) ranked
    WHERE rank <= $1 AND score > 0`;
}

/**
 * Marks products whose neighbour lists an event changed; StaleNeighboursSweeper ranks them again. A mark
 * that exists already is left alone (no row lock), so a burst about one product does not queue.
 */
export async function markNeighboursStale(manager: EntityManager, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  await manager.query(
    'INSERT INTO stale_neighbours (product_id) SELECT p FROM unnest($1::uuid[]) AS p ORDER BY p ON CONFLICT DO NOTHING',
    [[...new Set(productIds)].sort()],
  );
}
