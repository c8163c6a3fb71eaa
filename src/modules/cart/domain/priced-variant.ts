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
}
