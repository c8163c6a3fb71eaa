/** How much one confirmed order counts, as a basket and towards popularity. */
export const PURCHASE_WEIGHT = 1;

/**
 * How much one add-to-cart counts: a weaker signal of interest than a purchase (many carts are
 * abandoned), and a cart that is checked out is counted again by its order.
 */
export const CART_ADD_WEIGHT = 0.2;

/** How many of a user's most recent products seed their personal suggestions (bounds the work). */
export const HISTORY_SEEDS = 50;
