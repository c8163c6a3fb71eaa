import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../../../platform/http';
import { CatalogReadCache } from '../catalog-read-cache';
import { ProductRepository, ProductView } from '../../infrastructure/product.repository';

/** `GET /catalog/products/:idOrSlug`: one lean query; drafts and archived products are shown to admins only. */
@Injectable()
export class ViewProduct {
  constructor(
    @InjectDataSource('catalog') private readonly db: DataSource,
    private readonly cache: CatalogReadCache,
  ) {}

  async view(idOrSlug: string, isAdmin: boolean): Promise<ProductView> {
    const product =
      idOrSlug.length <= 100
        ? await this.cache.through(`detail:${idOrSlug}`, () => ProductRepository.detail(this.db.manager, idOrSlug))
        : undefined;
    if (!product || (product.status !== 'active' && !isAdmin)) throw ProblemException.notFound('Product');
    return product;
  }
}
