/** Smallest quantity a line may hold. */
export const MIN_LINE_QUANTITY = 1;
/** Largest quantity a line may hold. */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct variants one cart may hold. */
export const MAX_CART_LINES = 100;
