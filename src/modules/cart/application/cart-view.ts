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

/** The shipping method the customer chose, at the price they accepted. */
export interface CartShippingMethodView {
  readonly id: string;
  readonly name: string;
  /** The destination it was quoted for (ISO 3166-1 alpha-2). */
  readonly country: string;
  /** The quoted price the customer accepted (in `totals.shippingTotal` while the cart has lines). */
  readonly price: Money;
  /**
   * The lines changed since the quote, so the price may not be current: choose the method again
   * (`PUT /carts/:id/shipping-method`) to re-quote it. Checkout re-quotes it and refuses another price.
   */
  readonly stale: boolean;
}

export interface CartView {
  readonly id: string;
  readonly customerId: string | null;
  readonly items: readonly CartItemView[];
  /** Null while no method is chosen. */
  readonly shippingMethod: CartShippingMethodView | null;
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
    shippingMethod: cart.shipping && {
      id: cart.shipping.methodId,
      name: cart.shipping.name,
      country: cart.shipping.country,
      price: cart.shipping.price,
      stale: cart.shipping.stale,
    },
    totals: cart.totals(defaultCurrency),
  };
}
