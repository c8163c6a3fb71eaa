/** A product's status as catalog announced it; only active (or unknown) products are recommended. */
export type ProductStatus = 'draft' | 'active' | 'archived';

/** What a product card shows, as catalog last announced it. */
export interface CardFacts {
  readonly title: string;
  /** Absent in catalog events published before 0.2: the last known value is kept. */
  readonly slug?: string;
  readonly images?: readonly string[];
  /** The variants' prices in minor units (the card shows the lowest) and their one currency. */
  readonly prices: readonly number[];
  readonly currency: string | undefined;
}

/** The card of a product as a catalog product event describes it. */
export function cardOf(product: {
  readonly title: string;
  readonly slug?: string;
  readonly images?: readonly string[];
  readonly variants: readonly { readonly price: { readonly amount: number; readonly currency: string } }[];
}): CardFacts {
  return {
    title: product.title,
    slug: product.slug,
    images: product.images,
    prices: product.variants.map((v) => v.price.amount),
    currency: product.variants[0]?.price.currency,
  };
}

/** A variant of a product, and whether it can be bought now. */
export interface VariantFacts {
  readonly variantId: string;
  /** Unknown (absent from older events) counts as in stock until an availability event says otherwise. */
  readonly inStock?: boolean;
}
