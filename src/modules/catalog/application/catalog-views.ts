import type { Money } from '../../../platform/money';
import type { ProductStatus } from '../domain/product';

/** A category as the API shows it. */
export interface CategoryView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** A variant on the product page. */
export interface ProductVariantView {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly price: Money;
  /** Weight of one unit in whole grams (shipping prices weight bands by it); null when not given. */
  readonly weightGrams: number | null;
  /** Units that can be bought now (on hand minus reserved, never negative). */
  readonly available: number;
}

/** The product page (`GET /catalog/products/:idOrSlug`), read in one lean query by ProductRepository. */
export interface ProductView {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly status: ProductStatus;
  /** The product's tax category (the tax module rates it per country); null: `standard`. */
  readonly taxCategory: string | null;
  readonly categories: CategoryView[];
  readonly variants: ProductVariantView[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A product in a list: what a product card needs. */
export interface ProductSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly images: string[];
  /** The lowest price of the product's variants. */
  readonly price: Money;
  readonly inStock: boolean;
}
