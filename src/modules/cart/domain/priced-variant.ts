import type { Money } from '../../../platform/money';

/** What the cart must know of a variant, as catalog reports it right now. */
export interface PricedVariant {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly price: Money;
  readonly available: number;
  readonly purchasable: boolean;
  /** The product's tax category; absent from an older catalog (the line keeps what it had, else null). */
  readonly taxCategory?: string | null;
  /** The product's category ids; absent from an older catalog (the line keeps what it had, else none). */
  readonly categoryIds?: readonly string[];
}
