import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { ProductRepository } from '../../infrastructure/product.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { ProductView } from '../catalog-views';

/** What `GET /catalog/products/:idOrSlug` needs. */
export interface ViewProductInput {
  readonly idOrSlug: string;
  /** Admins also see drafts and archived products. */
  readonly isAdmin: boolean;
}

/** `GET /catalog/products/:idOrSlug`: one lean query; drafts and archived products are shown to admins only. */
@Injectable()
export class ViewProductUseCase {
  constructor(
    private readonly products: ProductRepository,
    private readonly cache: CatalogReadCache,
  ) {}

  /** The product page; a 404 problem for no product, or one the caller may not see. */
  async execute({ idOrSlug, isAdmin }: ViewProductInput): Promise<ProductView> {
    const product =
      idOrSlug.length <= 100
        ? await this.cache.through(`detail:${idOrSlug}`, () => this.products.detail(idOrSlug))
        : undefined;
    if (!product || (product.status !== 'active' && !isAdmin)) throw ProblemException.notFound('Product');
    return product;
  }
}
