import { effectivePrices, findModelPrice, ModelPrice, TokenPrices } from './model-price-table';
import { TokenUsage, USAGE_TYPES, UsageType } from './token-usage';

/**
 * The cost of one call, exact (ADR 0105):
 *   part(type) = ceil(tokens(type) × price(type) / 1000)   in nano-units of the currency
 * because tokens × (micro-units per 1M tokens) is in pico-units (10^-12) and a nano is 1000 picos.
 * Each part is rounded UP on its own and the total is the sum of the rounded parts, so the stored
 * breakdown always adds up to the stored total; the rounding over-charges by less than one nano-unit
 * per usage type (< 5 × 10^-9 of the currency per call) and never under-charges.
 * Intermediate products are BigInt; the results are safe integers (a single call would have to cost
 * over 9 million currency units to overflow, and that is refused loudly, not wrapped).
 */
export type CostBreakdown = Readonly<Record<UsageType, number>>;

export type CallCost =
  | {
      readonly priced: true;
      readonly currency: string;
      /** The price-table row used, kept on the call so the admin views can show it. */
      readonly priceId: string;
      readonly nanos: CostBreakdown;
      readonly totalNanos: number;
    }
  /** The model matched no price row: flagged on the call and in the views, never counted as zero. */
  | { readonly priced: false; readonly model: string };

/** Cost of a usage at given prices, in nano-units, rounded up per usage type. */
export function costOf(prices: TokenPrices, usage: TokenUsage): { nanos: CostBreakdown; totalNanos: number } {
  const unitPrices = effectivePrices(prices);
  const nanos = {} as Record<UsageType, number>;
  let total = 0n;
  for (const type of USAGE_TYPES) {
    const part = ceilDiv(BigInt(usage[type]) * BigInt(unitPrices[type]), 1000n);
    nanos[type] = toSafe(part);
    total += part;
  }
  return { nanos, totalNanos: toSafe(total) };
}

/** Prices a call from the table row in force at the call's start (`at`). */
export function priceCall(table: readonly ModelPrice[], model: string, at: Date, usage: TokenUsage): CallCost {
  const row = findModelPrice(table, model, at);
  if (!row) return { priced: false, model };
  return { priced: true, currency: row.currency, priceId: row.id, ...costOf(row.prices, usage) };
}

/** ceil(a / b) for non-negative a and positive b. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`cost ${value} nanos exceeds the safe range`);
  return Number(value);
}
