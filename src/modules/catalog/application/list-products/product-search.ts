import type { ProductStatus } from '../../domain/product';
import type { ProductSummary } from '../catalog-views';

/** The orders a product list can take. */
export type ProductSort = 'relevance' | 'price' | '-price' | 'newest';

/** Where the previous page ended, in the order of `sort` (what a cursor carries). */
export type SearchPosition =
  | { readonly s: 'relevance'; readonly r: number; readonly id: string }
  | { readonly s: 'price' | '-price'; readonly p: number; readonly id: string }
  | { readonly s: 'newest'; readonly id: string };

/** One page's search: filters, order, size and where the previous page ended. */
export interface ProductSearch {
  readonly q?: string;
  /** Which products: the public list is `active`; admins also list `draft` or `archived` ones. */
  readonly status: ProductStatus;
  readonly categoryId?: string;
  readonly minPrice?: number;
  readonly maxPrice?: number;
  readonly inStock?: boolean;
  readonly sort: ProductSort;
  readonly limit: number;
  readonly after?: SearchPosition;
}

/** A page of products of one status, and where it ended when another page follows. */
export interface ProductSearchPage {
  readonly items: ProductSummary[];
  readonly next: SearchPosition | undefined;
}
