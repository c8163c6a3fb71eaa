import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Money, UnitOfWork } from '../../../../platform/messaging';
import { Product, ProductStatus } from '../../domain/product';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { ProductRepository } from '../../infrastructure/product.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { ProductView } from '../catalog-views';
import { productPublished } from './product-events';
import {
  assertCategoriesExist,
  assertDistinctSkus,
  assertOneCurrency,
  chooseSlug,
  conflictFrom,
  isSlugConflict,
} from './product-writes';

/** What `POST /catalog/products` needs: the product and its variants with their initial stock. */
export interface CreateProductInput {
  readonly title: string;
  readonly slug?: string;
  readonly description: string;
  readonly images?: string[];
  readonly categoryIds?: string[];
  readonly status?: ProductStatus;
  /** The product's tax category (e.g. `reduced`); left out or null: `standard`. */
  readonly taxCategory?: string | null;
  /** `weightGrams`: one unit's weight in whole grams; left out, the variant has none (shipping counts 0 g). */
  readonly variants: readonly { sku: string; title: string; price: Money; stock: number; weightGrams?: number }[];
}

/** Creates a product with its variants and their initial stock; active unless `status: "draft"`. */
@Injectable()
export class CreateProductUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly readCache: CatalogReadCache,
  ) {}

  /** The new product's page; 400 or 409 problems for what cannot be created. */
  async execute(input: CreateProductInput): Promise<ProductView> {
    assertOneCurrency(input.variants.map((v) => v.price.currency));
    assertDistinctSkus(input.variants.map((v) => v.sku));
    try {
      return await this.insert(input);
    } catch (error) {
      // A slug derived from the title was taken meanwhile (the same title created at once): the
      // next try sees it taken and adds a suffix. Only a requested slug is refused.
      if (input.slug !== undefined || !isSlugConflict(error)) return conflictFrom(error);
    }
    try {
      return await this.insert(input);
    } catch (error) {
      return conflictFrom(error);
    }
  }

  private async insert(input: CreateProductInput): Promise<ProductView> {
    const id = uuidv7();
    return await this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        const product: Product = {
          id,
          slug: await chooseSlug(this.products, tx, input.slug, input.title),
          title: input.title.trim(),
          description: input.description,
          images: input.images ?? [],
          categoryIds: await assertCategoriesExist(this.categories, tx, input.categoryIds ?? []),
          status: input.status ?? 'active',
          taxCategory: input.taxCategory ?? null,
        };
        const variants = input.variants.map((v, position) => ({
          ...v,
          id: uuidv7(),
          position,
          onHand: v.stock,
          weightGrams: v.weightGrams ?? null,
        }));
        const from = {
          amount: Math.min(...variants.map((v) => v.price.amount)),
          currency: variants[0].price.currency,
        };
        await this.products.insert(tx, product, from);
        await this.products.insertVariants(tx, id, variants);
        if (product.status === 'active') {
          tx.publish(productPublished(product, await this.products.variants(tx, id)));
        }
        return (await this.products.detailIn(tx, id))!;
      }),
    );
  }
}
