import type { Money } from '../../../platform/money';

/** Whether a product is shown and sold: drafts and archived products are for admins only. */
export type ProductStatus = 'draft' | 'active' | 'archived';

/**
 * A product as catalog edits it, without its variants. Every field is persisted by
 * ProductRepository through a typed column list: a field added here is a compile error there until
 * it is mapped, so an edit can never drop it.
 */
export interface Product {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly categoryIds: string[];
  readonly status: ProductStatus;
  /** Its tax category (1–32 lower-case letters, digits or `-`, e.g. `reduced`); null: `standard`. */
  readonly taxCategory: string | null;
}

/** A variant of a product as edits and events see it. */
export interface Variant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly position: number;
  readonly price: Money;
  /** Weight of one unit in whole grams (shipping prices weight bands by it); null when not given. */
  readonly weightGrams: number | null;
  /** Units are available (on hand and not reserved). */
  readonly inStock: boolean;
}

/** A variant to add to a product, with its initial units on hand. */
export interface NewVariant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly position: number;
  readonly price: Money;
  /** Weight of one unit in whole grams (shipping prices weight bands by it); null when not given. */
  readonly weightGrams: number | null;
  readonly onHand: number;
}
