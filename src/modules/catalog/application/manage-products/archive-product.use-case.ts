import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { ProductRepository } from '../../infrastructure/product.repository';
import { productUpdated } from './product-events';
import { CatalogReadCache } from '../catalog-read-cache';

/** Archives a product (it can no longer be bought); publishes `ProductUpdated` with `status: "archived"`. Idempotent. */
@Injectable()
export class ArchiveProduct {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
  ) {}

  async archive(id: string): Promise<void> {
    await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const product = await ProductRepository.lock(tx.manager, id);
        if (!product) throw ProblemException.notFound('Product');
        if (product.status === 'archived') return;
        const archived = { ...product, status: 'archived' as const };
        await ProductRepository.update(tx.manager, archived);
        tx.publish(productUpdated(archived, await ProductRepository.variants(tx.manager, id), new Map()));
      }),
    );
  }
}
