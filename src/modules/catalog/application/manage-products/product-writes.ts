import { FieldError, ProblemException } from '../../../../platform/http';
import { Transaction } from '../../../../platform/messaging';
import { slugify } from '../../domain/slug';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { ProductRepository, uniqueViolationOf } from '../../infrastructure/product.repository';

/** Every category id must exist; otherwise a 400 naming the field. */
export async function assertCategoriesExist(
  categories: CategoryRepository,
  tx: Transaction,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const known = await categories.existing(tx, unique);
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw ProblemException.validation([new FieldError('categoryIds', `unknown categories: ${missing.join(', ')}`)]);
  }
  return unique;
}

/** All prices of one product share a currency: lists filter and sort by a single from-price. */
export function assertOneCurrency(currencies: readonly string[]): void {
  if (new Set(currencies).size > 1) {
    throw ProblemException.validation([
      new FieldError('variants', 'all variants of a product must be priced in the same currency'),
    ]);
  }
}

/** Every variant of a product has its own sku; otherwise a 400. */
export function assertDistinctSkus(skus: readonly string[]): void {
  if (new Set(skus).size !== skus.length) {
    throw ProblemException.validation([new FieldError('variants', 'each variant needs its own sku')]);
  }
}

/** A requested slug must be free (409); a derived one gets a short suffix when taken. */
export async function chooseSlug(
  products: ProductRepository,
  tx: Transaction,
  requested: string | undefined,
  title: string,
): Promise<string> {
  if (requested !== undefined) return requested;
  const base = slugify(title);
  if (!(await products.slugTaken(tx, base))) return base;
  return `${base.slice(0, 72)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Whether the error is the unique violation of a product's slug. */
export function isSlugConflict(error: unknown): boolean {
  return uniqueViolationOf(error) === 'slug';
}

/** Turns a unique violation into a 409 problem; anything else is rethrown. */
export function conflictFrom(error: unknown): never {
  const field = uniqueViolationOf(error);
  if (field === 'sku') throw ProblemException.conflict('sku-taken', 'A variant with this sku already exists.');
  if (field === 'slug') throw ProblemException.conflict('slug-taken', 'A product with this slug already exists.');
  throw error;
}
