import { isUuid } from '../../../platform/ids';
import { Money } from '../../../platform/money';

/** Why a line of a reservation cannot be honoured (the reasons of `StockReservationRejected`). */
export type LineProblemReason =
  | 'insufficient_stock'
  | 'unknown_variant'
  | 'not_purchasable'
  | 'invalid_quantity'
  | 'duplicate_line'
  | 'invalid_price'
  | 'price_changed';

export interface LineProblem {
  readonly variantId: string;
  readonly reason: LineProblemReason;
  readonly requested: number;
  readonly available: number;
}

export interface ReservationLine {
  readonly variantId: string;
  readonly quantity: number;
  /** The unit price the order charges; the current price must be the same. */
  readonly unitPrice: Money;
}

function isMoney(value: unknown): value is Money {
  const money = value as Money | null | undefined;
  return (
    typeof money === 'object' &&
    money !== null &&
    Number.isSafeInteger(money.amount) &&
    money.amount >= 0 &&
    typeof money.currency === 'string' &&
    /^[A-Z]{3}$/.test(money.currency)
  );
}

/**
 * Checks the shape of every line before any stock is touched: a positive integer quantity no
 * larger than `maxQuantity`, a variant id that can exist, a unit price in minor units, each
 * variant at most once. Returns the lines worth looking up (sorted by variant id, the lock order)
 * and the problems found.
 */
export function checkReservationLines(
  lines: readonly { variantId: unknown; quantity: unknown; unitPrice?: unknown }[],
  maxQuantity: number,
): { readonly lines: ReservationLine[]; readonly problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    const variantId = typeof line.variantId === 'string' ? line.variantId.toLowerCase() : String(line.variantId);
    const quantity = typeof line.quantity === 'number' && Number.isFinite(line.quantity) ? line.quantity : 0;
    seen.set(variantId, (seen.get(variantId) ?? 0) + 1);
    if (!Number.isInteger(line.quantity) || quantity <= 0 || quantity > maxQuantity) {
      problems.push({ variantId, reason: 'invalid_quantity', requested: quantity, available: 0 });
    } else if (!isUuid(variantId)) {
      problems.push({ variantId, reason: 'unknown_variant', requested: quantity, available: 0 });
    } else if (!isMoney(line.unitPrice)) {
      problems.push({ variantId, reason: 'invalid_price', requested: quantity, available: 0 });
    }
  }
  for (const [variantId, count] of seen) {
    if (count > 1) problems.push({ variantId, reason: 'duplicate_line', requested: 0, available: 0 });
  }
  const valid = lines
    .map((line) => ({
      variantId: String(line.variantId).toLowerCase(),
      quantity: line.quantity as number,
      unitPrice: line.unitPrice as Money,
    }))
    .filter((line) => !problems.some((p) => p.variantId === line.variantId))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  return { lines: valid, problems };
}
