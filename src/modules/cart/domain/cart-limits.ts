/** Smallest quantity a line may hold. */
export const MIN_LINE_QUANTITY = 1;
/** Largest quantity a line may hold. */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct variants one cart may hold. */
export const MAX_CART_LINES = 100;
/** Most promotion codes one cart may hold (promotions evaluates at most 10). */
export const MAX_PROMOTION_CODES = 10;
