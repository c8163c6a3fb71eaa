import { Query, QueryContract, Money } from '../../../platform/messaging/contracts';

export interface CheckoutCartLine {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** The price snapshot the customer saw. */
  readonly unitPrice: Money;
}

export interface CheckoutCart {
  readonly cartId: string;
  readonly customerId: string;
  readonly lines: readonly CheckoutCartLine[];
  readonly subtotal: Money;
}

/** A customer's cart as checkout needs it: lines with snapshot prices. Null when the cart does not exist or is not that customer's. */
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
