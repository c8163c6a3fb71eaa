import type { Money } from '../../../platform/money';

/** One variant in a cart, with the price snapshot the customer sees. */
export interface CartLine {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** Latest price known from catalog. */
  readonly unitPrice: Money;
  /** Price when the customer last put or changed this line; differs from `unitPrice` when the price moved since. */
  readonly acceptedUnitPrice: Money;
  /** When `unitPrice` was last confirmed with catalog. */
  readonly priceCheckedAt: Date;
  readonly addedAt: Date;
  /** The product's tax category as catalog last reported it (e.g. `reduced`); null pays the `standard` rate. */
  readonly taxCategory: string | null;
  /** The product's catalog category ids as last reported (a promotion's scope names categories). */
  readonly categoryIds: readonly string[];
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

export function priceChanged(line: CartLine): boolean {
  return !sameMoney(line.unitPrice, line.acceptedUnitPrice);
}

export function lineTotal(line: CartLine): Money {
  return { amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency };
}
