import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Money, UnitOfWork } from '../../../../platform/messaging';
import { ProductRepository, ProductRow, ProductStatus, ProductView } from '../../infrastructure/product.repository';
import { productPublished } from './product-events';
import {
  assertCategoriesExist,
  assertDistinctSkus,
  assertOneCurrency,
  chooseSlug,
  conflictFrom,
} from './product-writes';
import { CatalogReadCache } from '../catalog-read-cache';

export interface CreateProductInput {
  readonly title: string;
  readonly slug?: string;
  readonly description: string;
  readonly images?: string[];
  readonly categoryIds?: string[];
  readonly status?: ProductStatus;
  readonly variants: readonly { sku: string; title: string; price: Money; stock: number }[];
}

/** Creates a product with its variants and their initial stock; active unless `status: "draft"`. */
@Injectable()
export class CreateProduct {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
  ) {}

  async create(input: CreateProductInput): Promise<ProductView> {
    assertOneCurrency(input.variants.map((v) => v.price.currency));
    assertDistinctSkus(input.variants.map((v) => v.sku));
    const id = uuidv7();
    try {
      return await this.readCache.afterWrite(
        this.uow.run(async (tx) => {
          const product: ProductRow = {
            id,
            slug: await chooseSlug(tx.manager, input.slug, input.title),
            title: input.title.trim(),
            description: input.description,
            images: input.images ?? [],
            category_ids: await assertCategoriesExist(tx.manager, input.categoryIds ?? []),
            status: input.status ?? 'active',
          };
          const variants = input.variants.map((v, position) => ({ ...v, id: uuidv7(), position, onHand: v.stock }));
          await ProductRepository.insert(
            tx.manager,
            product,
            Math.min(...variants.map((v) => v.price.amount)),
            variants[0].price.currency,
          );
          await ProductRepository.insertVariants(tx.manager, id, variants);
          if (product.status === 'active') {
            tx.publish(productPublished(product, await ProductRepository.variants(tx.manager, id)));
          }
          return (await ProductRepository.detail(tx.manager, id))!;
        }),
      );
    } catch (error) {
      return conflictFrom(error);
    }
  }
}
