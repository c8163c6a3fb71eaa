import { Query, QueryContract, Money } from '../../../platform/messaging/contracts';

export interface CheckoutCartLine {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /**
   * The unit price the customer accepted (when adding or last changing the line, or through
   * `POST /carts/:id/accept-prices`): the only price checkout may charge. Catalog's current price
   * may differ (the cart shows `priceChanged`); checkout then refuses with `price-changed`.
   */
  readonly acceptedUnitPrice: Money;
}

/** The shipping method the customer chose for the cart, at the price they accepted. */
export interface CheckoutShippingMethod {
  readonly methodId: string;
  readonly name: string;
  /** The destination it was quoted for (ISO 3166-1 alpha-2); checkout re-quotes for the order's address. */
  readonly country: string;
  /** The quoted price the customer accepted, in minor units of the cart's currency. */
  readonly price: Money;
  /** The lines changed since the quote (checkout's re-quote decides whether the price still holds). */
  readonly stale: boolean;
}

export interface CheckoutCart {
  readonly cartId: string;
  readonly customerId: string;
  readonly lines: readonly CheckoutCartLine[];
  /** The lines at their accepted prices. */
  readonly subtotal: Money;
  /** The chosen shipping method; absent while none is chosen (added in issue 18, optional for older repliers). */
  readonly shippingMethod?: CheckoutShippingMethod;
}

/** A customer's cart as checkout needs it: lines with the prices the customer accepted. Null when the cart does not exist or is not that customer's. */
@QueryContract(
  'cart.GetCartForCheckout',
  () => new GetCartForCheckout('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'),
)
export class GetCartForCheckout extends Query<CheckoutCart | null> {
  constructor(
    /** The cart. */
    readonly cartId: string,
    /** Who checks out; must own the cart. */
    readonly customerId: string,
  ) {
    super();
  }
}
