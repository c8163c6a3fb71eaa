import { Money } from '../../../platform/messaging';
import { Cart, CartTotals } from '../domain/cart';
import { lineTotal, priceChanged } from '../domain/cart-line';

export interface CartItemView {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
  /** True when the price moved since the customer added (or last changed) the line. */
  readonly priceChanged: boolean;
  /** The price the customer saw when adding the line; present only when it changed. */
  readonly previousUnitPrice?: Money;
}

export interface CartView {
  readonly id: string;
  readonly customerId: string | null;
  readonly items: readonly CartItemView[];
  readonly totals: CartTotals;
}

/** The cart as the API shows it; totals are computed here, on the server, in minor units. */
export function toCartView(cart: Cart, defaultCurrency: string): CartView {
  return {
    id: cart.id,
    customerId: cart.customerId,
    items: cart.lines.map((line) => ({
      id: line.id,
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: lineTotal(line),
      priceChanged: priceChanged(line),
      ...(priceChanged(line) ? { previousUnitPrice: line.acceptedUnitPrice } : {}),
    })),
    totals: cart.totals(defaultCurrency),
  };
}
