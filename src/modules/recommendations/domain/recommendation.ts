/** Why a product is suggested. */
export type RecommendationReason = 'bought-together' | 'popular';

/** What a product card shows, from the catalog events recommendations has seen. */
export interface ProductCard {
  readonly id: string;
  readonly slug: string | null;
  readonly title: string;
  /** The product's first image URL, if it has one. */
  readonly image: string | null;
  /** The lowest price of its variants, in minor units. */
  readonly price: { readonly amount: number; readonly currency: string } | null;
  /** Some variant can be bought now (recommendations only offer such products). */
  readonly inStock: boolean;
}

/** One suggested product, its score and why. */
export interface Recommendation {
  readonly productId: string;
  readonly score: number;
  readonly reason: RecommendationReason;
  /** Null for a product that catalog has not announced since cards were added. */
  readonly product: ProductCard | null;
}
