import { Inject, Injectable } from '@nestjs/common';
import {
  CursorFieldKind,
  decodeCursor,
  encodeCursor,
  FieldError,
  Page,
  ProblemException,
} from '../../../../platform/http';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import type { ProductStatus } from '../../domain/product';
import { CategoryRepository } from '../../infrastructure/category.repository';
import { ProductRepository } from '../../infrastructure/product.repository';
import { CatalogReadCache } from '../catalog-read-cache';
import { ProductSummary } from '../catalog-views';
import { ProductSort, SearchPosition } from './product-search';

/** What `GET /catalog/products` takes (its query string, validated by the controller's DTO). */
export interface ListProductsInput {
  readonly q?: string;
  /** Default `active`; `draft` and `archived` only when `isAdmin`. */
  readonly status?: ProductStatus;
  /** Whether the caller is an admin (who may list drafts and archived products). */
  readonly isAdmin?: boolean;
  readonly category?: string;
  readonly minPrice?: number;
  readonly maxPrice?: number;
  readonly inStock?: 'true' | 'false';
  readonly sort?: ProductSort;
  readonly limit?: number;
  readonly cursor?: string;
}

type CursorShape = Readonly<Record<string, CursorFieldKind>>;

// s: the sort the cursor was made for; r: a text-search rank (real); p: a from-price (bigint).
const CURSOR_SHAPES: Readonly<Record<ProductSort, CursorShape>> = {
  relevance: { s: 'string', r: 'real', id: 'uuid' },
  price: { s: 'string', p: 'integer', id: 'uuid' },
  '-price': { s: 'string', p: 'integer', id: 'uuid' },
  newest: { s: 'string', id: 'uuid' },
};

/** `GET /catalog/products`: search, filter, sort and keyset-paginate the active products (admins: any status). */
@Injectable()
export class ListProductsUseCase {
  constructor(
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    private readonly cache: CatalogReadCache,
  ) {}

  /**
   * One page of products of `status` (default active); a 400 problem for a bad limit, price range,
   * sort or cursor, a 403 `forbidden` when someone other than an admin asks for drafts or archived ones.
   */
  async execute(input: ListProductsInput): Promise<Page<ProductSummary>> {
    const status = input.status ?? 'active';
    if (status !== 'active' && !input.isAdmin) {
      throw new ProblemException({
        status: 403,
        type: 'forbidden',
        detail: `Only admins list ${status} products.`,
      });
    }
    const q = input.q?.trim() || undefined;
    const sort: ProductSort = input.sort ?? (q ? 'relevance' : 'newest');
    const limit = input.limit ?? this.config.listDefaultLimit;
    const errors: FieldError[] = [];
    if (limit > this.config.listMaxLimit) {
      errors.push(new FieldError('limit', `limit must not be greater than ${this.config.listMaxLimit}`));
    }
    if (sort === 'relevance' && !q) errors.push(new FieldError('sort', 'sort=relevance needs a search (q)'));
    if (input.minPrice !== undefined && input.maxPrice !== undefined && input.minPrice > input.maxPrice) {
      errors.push(new FieldError('minPrice', 'minPrice must not be greater than maxPrice'));
    }
    if (errors.length > 0) throw ProblemException.validation(errors);
    const after = input.cursor === undefined ? undefined : decodePosition(input.cursor, sort);
    const key = JSON.stringify([
      status,
      q,
      input.category,
      input.minPrice,
      input.maxPrice,
      input.inStock,
      sort,
      limit,
      after,
    ]);
    return this.cache.through(`list:${key}`, () => this.page(input, status, q, sort, limit, after));
  }

  private async page(
    input: ListProductsInput,
    status: ProductStatus,
    q: string | undefined,
    sort: ProductSort,
    limit: number,
    after: SearchPosition | undefined,
  ): Promise<Page<ProductSummary>> {
    let categoryId: string | undefined;
    if (input.category !== undefined) {
      categoryId = await this.categories.idOf(input.category);
      if (!categoryId) return { items: [], nextCursor: null };
    }
    const found = await this.products.search({
      q,
      status,
      categoryId,
      minPrice: input.minPrice,
      maxPrice: input.maxPrice,
      inStock: input.inStock === undefined ? undefined : input.inStock === 'true',
      sort,
      limit,
      after,
    });
    return { items: found.items, nextCursor: found.next ? encodeCursor({ ...found.next }) : null };
  }
}

/** A cursor made for another sort, or tampered with, is a 400 like any malformed cursor. */
function decodePosition(cursor: string, sort: ProductSort): SearchPosition {
  const position = decodeCursor(cursor, CURSOR_SHAPES[sort]) as unknown as SearchPosition;
  if (position.s !== sort) {
    throw ProblemException.validation([
      new FieldError('cursor', 'cursor is malformed; use the nextCursor of a previous page with the same sort'),
    ]);
  }
  return position;
}
