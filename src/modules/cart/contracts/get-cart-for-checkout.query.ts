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

export interface CheckoutCart {
  readonly cartId: string;
  readonly customerId: string;
  readonly lines: readonly CheckoutCartLine[];
  /** The lines at their accepted prices. */
  readonly subtotal: Money;
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
