import { DataToolQuery, Money, QueryContract } from '../../../platform/messaging/contracts';

/** The model's arguments of `catalog_product_facts`. */
export interface ProductFactsArguments {
  /** The product's id (UUID) or slug. */
  readonly product: string;
}

/** What a model may know of a product: its public facts, as the product page shows them. */
export interface ProductFactsRow {
  readonly productId: string;
  readonly slug: string;
  readonly title: string;
  /** The current description (possibly empty). */
  readonly description: string;
  /** `active`, `draft` or `archived`. */
  readonly status: string;
  /** Category names. */
  readonly categories: readonly string[];
  readonly variants: readonly {
    readonly sku: string;
    readonly title: string;
    /** Price in minor units. */
    readonly price: Money;
    /** Weight of one unit in whole grams, or null. */
    readonly weightGrams: number | null;
    /** Units that can be bought now. */
    readonly available: number;
  }[];
}

/**
 * Data tool `catalog_product_facts` (scope `catalog:read`): one product's public facts (title,
 * description, categories, variants with price, weight and availability), drafts included, for an AI
 * feature such as description drafts. An unknown product is zero rows.
 */
@QueryContract(
  'catalog.GetProductFacts',
  () => new GetProductFacts({ product: 'trail-tent-2p' }, { userId: null, reach: 'any' }, 1),
  {
    dataTool: {
      name: 'catalog_product_facts',
      description:
        "A product's public facts: title, current description, categories and variants (SKU, title, price in minor units, weight in grams, units available).",
      scope: 'catalog:read',
      rowsOwnedBy: 'none',
      parameters: {
        properties: { product: { type: 'string', description: "The product's id or slug.", maxLength: 100 } },
        required: ['product'],
      },
      fields: ['productId', 'slug', 'title', 'description', 'status', 'categories', 'variants'],
    },
  },
)
export class GetProductFacts extends DataToolQuery<ProductFactsArguments, ProductFactsRow> {}
