import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { FieldError, ProblemException } from '../../../../platform/http';
import { Money, Transaction, UnitOfWork } from '../../../../platform/messaging';
import { Product, ProductStatus } from '../../domain/product';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { ProductRepository } from '../../infrastructure/product.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { ProductView } from '../catalog-views';
import { productPublished, productUpdated } from './product-events';
import { assertCategoriesExist, assertDistinctSkus, assertOneCurrency, conflictFrom } from './product-writes';

/** What `PATCH /catalog/products/:id` needs: the product, and the fields to change (the others are kept). */
export interface EditProductInput {
  readonly id: string;
  readonly title?: string;
  readonly slug?: string;
  readonly description?: string;
  readonly images?: string[];
  readonly categoryIds?: string[];
  readonly status?: ProductStatus;
  /** The product's tax category; null sets it back to `standard`, left out keeps it. */
  readonly taxCategory?: string | null;
  /** A variant's `weightGrams` left out keeps its weight. */
  readonly variants?: readonly {
    id?: string;
    sku?: string;
    title?: string;
    price?: Money;
    stock?: number;
    weightGrams?: number;
  }[];
}

/**
 * Edits a product and its variants under the product's row lock. Publishes `ProductUpdated`
 * (with `previousPrice` on changed prices), and `ProductPublished` when it becomes active.
 */
@Injectable()
export class EditProductUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly readCache: CatalogReadCache,
  ) {}

  /** The edited product's page; 400, 404 or 409 problems for what cannot be changed. */
  async execute(input: EditProductInput): Promise<ProductView> {
    const { id } = input;
    try {
      return await this.readCache.afterWrite(
        this.uow.run(async (tx) => {
          const before = await this.products.lock(tx, id);
          if (!before) throw ProblemException.notFound('Product');
          const after: Product = {
            ...before,
            title: input.title?.trim() ?? before.title,
            slug: input.slug ?? before.slug,
            description: input.description ?? before.description,
            images: input.images ?? before.images,
            categoryIds: input.categoryIds
              ? await assertCategoriesExist(this.categories, tx, input.categoryIds)
              : before.categoryIds,
            status: input.status ?? before.status,
            taxCategory: input.taxCategory === undefined ? before.taxCategory : input.taxCategory,
          };
          await this.products.update(tx, after);
          const previousPrices = await this.editVariants(tx, id, input.variants ?? []);
          const variants = await this.products.variants(tx, id);
          assertOneCurrency(variants.map((v) => v.price.currency));
          assertDistinctSkus(variants.map((v) => v.sku));
          await this.products.refreshPriceMin(tx, id);
          tx.publish(productUpdated(after, variants, previousPrices));
          if (after.status === 'active' && before.status !== 'active') tx.publish(productPublished(after, variants));
          return (await this.products.detailIn(tx, id))!;
        }),
      );
    } catch (error) {
      return conflictFrom(error);
    }
  }

  /** Applies variant edits; returns the previous price of each variant whose price changed. */
  private async editVariants(
    tx: Transaction,
    productId: string,
    edits: NonNullable<EditProductInput['variants']>,
  ): Promise<Map<string, Money>> {
    const existing = new Map((await this.products.variants(tx, productId)).map((v) => [v.id, v]));
    const previousPrices = new Map<string, Money>();
    const added = [];
    let position = Math.max(-1, ...[...existing.values()].map((v) => v.position)) + 1;
    for (const [index, edit] of edits.entries()) {
      const field = `variants.${index}`;
      if (edit.id === undefined) {
        if (!edit.sku || !edit.title || !edit.price || edit.stock === undefined) {
          throw invalid(field, 'a new variant needs sku, title, price and stock');
        }
        added.push({
          id: uuidv7(),
          sku: edit.sku,
          title: edit.title,
          price: edit.price,
          weightGrams: edit.weightGrams ?? null,
          onHand: edit.stock,
          position,
        });
        position += 1;
        continue;
      }
      const current = existing.get(edit.id.toLowerCase());
      if (!current) throw invalid(`${field}.id`, 'no such variant on this product');
      if (edit.sku !== undefined && edit.sku !== current.sku) throw invalid(`${field}.sku`, 'a sku cannot change');
      if (edit.stock !== undefined) throw invalid(`${field}.stock`, 'set stock with PUT /catalog/variants/:id/stock');
      const price = edit.price ?? current.price;
      if (price.amount !== current.price.amount || price.currency !== current.price.currency) {
        previousPrices.set(current.id, { amount: current.price.amount, currency: current.price.currency });
      }
      await this.products.updateVariant(tx, current.id, {
        title: edit.title ?? current.title,
        price,
        weightGrams: edit.weightGrams ?? current.weightGrams,
      });
    }
    if (added.length > 0) await this.products.insertVariants(tx, productId, added);
    return previousPrices;
  }
}

function invalid(field: string, message: string): ProblemException {
  return ProblemException.validation([new FieldError(field, message)]);
}
