/** What a change of a variant's available units means for the outside world. */
export interface StockSignals {
  /** Set when availability crossed zero: false = went out of stock, true = came back. */
  readonly inStockChanged: boolean | undefined;
  /** True when available fell to or below the low-stock threshold with this change. */
  readonly becameLow: boolean;
}

/** Compares available units before and after a change; only crossings are signalled, so repeats stay quiet. */
export function stockSignals(before: number, after: number, lowThreshold: number): StockSignals {
  const wasInStock = before > 0;
  const isInStock = after > 0;
  return {
    inStockChanged: wasInStock === isInStock ? undefined : isInStock,
    becameLow: after < before && after <= lowThreshold && before > lowThreshold,
  };
}
