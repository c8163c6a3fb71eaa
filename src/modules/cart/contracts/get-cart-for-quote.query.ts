import { Money, Query, QueryContract } from '../../../platform/messaging/contracts';

/** A cart's contents as a shipping quote needs them. */
export interface CartForQuote {
  readonly cartId: string;
  /** Each line's variant and how many units (weights are catalog's). */
  readonly lines: readonly { readonly variantId: string; readonly quantity: number }[];
  /** The lines at the prices the customer accepted, in minor units of the cart's currency. */
  readonly subtotal: Money;
  /**
   * `subtotal` after the discounts of the cart's promotions on goods (never shipping's): what a
   * shipping price is quoted on (ADR 0106). Absent from older repliers (issue 19) and when promotions
   * did not answer; use `subtotal` then.
   */
  readonly discountedSubtotal?: Money;
}

/**
 * A cart's lines and accepted subtotal for whoever may use the cart: a guest cart (within its
 * lifetime) for anyone holding its id, a customer's cart only for that customer. Null otherwise
 * (missing, retired, expired, someone else's), so the caller answers 404 alike.
 */
@QueryContract(
  'cart.GetCartForQuote',
  () => new GetCartForQuote('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'),
)
export class GetCartForQuote extends Query<CartForQuote | null> {
  constructor(
    /** The cart. */
    readonly cartId: string,
    /** Who asks (the authenticated user's id), or null for an anonymous caller. */
    readonly userId: string | null,
  ) {
    super();
  }
}
