import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { StockLevel } from '../../domain/stock';
import { StockRepository } from '../../infrastructure/stock.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { publishStockSignals } from '../stock/publish-stock-signals';

/** What `PUT /catalog/variants/:id/stock` needs. */
export interface SetStockInput {
  readonly variantId: string;
  readonly onHand: number;
}

/**
 * `PUT /catalog/variants/:id/stock`: sets units on hand in one statement that locks the row, so a
 * racing reservation is neither lost nor oversold; fewer than the units already reserved is a 409.
 */
@Injectable()
export class SetStockUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly stock: StockRepository,
    private readonly readCache: CatalogReadCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  /** The variant's new stock level; a 404 or 409 problem when it cannot be set. */
  async execute({ variantId, onHand }: SetStockInput): Promise<StockLevel> {
    return this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const set = await this.stock.setOnHand(tx, variantId, onHand);
        if (!set) throw await this.whyNot(tx, variantId, onHand);
        publishStockSignals(tx, [set.change], this.config.lowStockThreshold);
        return set.level;
      }),
    );
  }

  private async whyNot(tx: Transaction, variantId: string, onHand: number): Promise<ProblemException> {
    const reserved = await this.stock.reservedOf(tx, variantId);
    if (reserved === undefined) return ProblemException.notFound('Variant');
    return ProblemException.conflict(
      'stock-below-reserved',
      `onHand ${onHand} is below the ${reserved} units already reserved.`,
      { reserved },
    );
  }
}
