import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../platform/messaging';
import { rankedNeighboursSql } from './neighbour-ranking.sql';

const TAKE_STALE = `
  DELETE FROM stale_neighbours WHERE product_id IN (
    SELECT product_id FROM stale_neighbours ORDER BY product_id LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING product_id`;

/** The stored neighbour lists (`neighbour`) and the marks of those that events made stale (`stale_neighbours`). */
@Injectable()
export class NeighbourRepository {
  /**
   * Takes (deletes and returns) up to `batch` stale marks, in product-id order; marks another
   * instance holds are skipped, so several sweepers may run at once.
   */
  async takeStale(tx: Transaction, batch: number): Promise<string[]> {
    // A DELETE answers [rows, count] through TypeORM.
    const [rows] = (await tx.manager.query(TAKE_STALE, [batch])) as [{ product_id: string }[], number];
    return rows.map((row) => row.product_id);
  }

  /** Recomputes the top-`n` neighbour lists of the given products (work bounded by their co-occurrences). */
  async rank(tx: Transaction, productIds: readonly string[], n: number): Promise<void> {
    if (productIds.length === 0) return;
    const ids = [...new Set(productIds)].sort();
    await tx.manager.query('DELETE FROM neighbour WHERE product_id = ANY($1::uuid[])', [ids]);
    await tx.manager.query(
      `INSERT INTO neighbour (product_id, neighbour_id, score) ${rankedNeighboursSql('c.product_id = ANY($2::uuid[])')}`,
      [n, ids],
    );
  }
}
