import { Query, QueryContract, Money } from '../../../platform/messaging/contracts';

/** What a buyer needs to know of one variant, right now. */
export interface VariantSnapshot {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  /** Product title and variant title, as shown on a receipt. */
  readonly title: string;
  readonly price: Money;
  /** Units that can still be reserved (`onHand - reserved`, never negative). */
  readonly available: number;
  /** False when the product is a draft or archived: it cannot be bought. */
  readonly purchasable: boolean;
  /**
   * Weight of one unit in whole grams (integer ≥ 0), or null when catalog was not given one (shipping
   * then counts 0 g). Optional: added to the contract after v1 (issue 18); an older catalog leaves it out.
   */
  readonly weightGrams?: number | null;
  /**
   * The product's tax category (e.g. `reduced`), which the tax module rates per country; null: `standard`.
   * Optional: added after v1 (issue 19); an older catalog leaves it out.
   */
  readonly taxCategory?: string | null;
  /**
   * The product's category ids (a promotion's scope names categories). Optional: added after v1
   * (issue 19); an older catalog leaves it out.
   */
  readonly categoryIds?: readonly string[];
}

export interface VariantSnapshotsResult {
  readonly items: readonly VariantSnapshot[];
}

/** Current price, title and availability of some variants (the cart's and checkout's check). Unknown ids are left out of the result. */
@QueryContract('catalog.GetVariantSnapshots', () => new GetVariantSnapshots(['0190a000-0000-7000-8000-000000000001']))
export class GetVariantSnapshots extends Query<VariantSnapshotsResult> {
  constructor(
    /** Variant ids to look up (at most 200). */
    readonly variantIds: readonly string[],
  ) {
    super();
  }
}
