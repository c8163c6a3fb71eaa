/** A confirmed order, as recommendations learns from it: a basket bought together, and its customer's history. */
export interface ConfirmedOrderFacts {
  readonly orderId: string;
  readonly customerId: string;
  readonly productIds: readonly string[];
  /** ISO time. */
  readonly confirmedAt: string;
}

/** A product added to a cart: a weak signal of interest and of products wanted together. */
export interface CartAddFacts {
  readonly cartId: string;
  readonly productId: string;
  /** Null for a guest's cart. */
  readonly customerId: string | null;
  /** ISO time. */
  readonly addedAt: string;
}
