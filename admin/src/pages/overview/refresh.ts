/** How often the overview's figures are fetched again, ms. */
export const OVERVIEW_REFRESH_MS = 10_000;
