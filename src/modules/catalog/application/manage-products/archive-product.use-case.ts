import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { ProductRepository } from '../../infrastructure/product.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { productUpdated } from './product-events';

/** What `DELETE /catalog/products/:id` needs. */
export interface ArchiveProductInput {
  readonly id: string;
}

/** Archives a product (it can no longer be bought); publishes `ProductUpdated` with `status: "archived"`. Idempotent. */
@Injectable()
export class ArchiveProductUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
    private readonly readCache: CatalogReadCache,
  ) {}

  /** Archives it; a 404 problem when there is no such product. */
  async execute({ id }: ArchiveProductInput): Promise<void> {
    await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const product = await this.products.lock(tx, id);
        if (!product) throw ProblemException.notFound('Product');
        if (product.status === 'archived') return;
        const archived = { ...product, status: 'archived' as const };
        await this.products.update(tx, archived);
        tx.publish(productUpdated(archived, await this.products.variants(tx, id), new Map()));
      }),
    );
  }
}
