import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { queryRows } from '../../infrastructure/sql';
import { publishStockSignals } from '../stock/publish-stock-signals';
import { CatalogReadCache } from '../catalog-read-cache';

export interface StockLevel {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

interface Row {
  product_id: string;
  sku: string;
  on_hand: number;
  reserved: number;
  old_on_hand: number;
  old_reserved: number;
}

/**
 * `PUT /catalog/variants/:id/stock`: sets units on hand in one statement that locks the row, so a
 * racing reservation is neither lost nor oversold; fewer than the units already reserved is a 409.
 */
@Injectable()
export class SetStock {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async set(variantId: string, onHand: number): Promise<StockLevel> {
    return this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const [row] = await queryRows<Row>(
          tx.manager,
          `WITH old AS (SELECT id, on_hand, reserved FROM variants WHERE id = $1 FOR UPDATE)
         UPDATE variants v SET on_hand = $2, updated_at = now() FROM old
          WHERE v.id = old.id AND old.reserved <= $2
          RETURNING v.product_id, v.sku, v.on_hand, v.reserved, old.on_hand AS old_on_hand, old.reserved AS old_reserved`,
          [variantId, onHand],
        );
        if (!row) throw await this.whyNot(tx.manager, variantId, onHand);
        const available = row.on_hand - row.reserved;
        publishStockSignals(
          tx,
          [
            {
              variantId,
              productId: row.product_id,
              sku: row.sku,
              quantity: 0,
              availableBefore: row.old_on_hand - row.old_reserved,
              availableAfter: available,
            },
          ],
          this.config.lowStockThreshold,
        );
        return { onHand: row.on_hand, reserved: row.reserved, available };
      }),
    );
  }

  private async whyNot(
    m: Parameters<typeof queryRows>[0],
    variantId: string,
    onHand: number,
  ): Promise<ProblemException> {
    const [current] = await queryRows<{ reserved: number }>(m, `SELECT reserved FROM variants WHERE id = $1`, [
      variantId,
    ]);
    if (!current) return ProblemException.notFound('Variant');
    return ProblemException.conflict(
      'stock-below-reserved',
      `onHand ${onHand} is below the ${current.reserved} units already reserved.`,
      { reserved: current.reserved },
    );
  }
}
