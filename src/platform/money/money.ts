/** An amount of money: an integer of minor units (cents) and an ISO 4217 currency code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/**
 * The largest amount, in minor units, that Arcade handles: 2^53 − 1, the largest integer a
 * JavaScript number (and so JSON between modules) holds exactly. Amounts are stored as PostgreSQL
 * `bigint` (64-bit) in every module; each module's HTTP edge bounds what it accepts (amounts,
 * quantities, list lengths) so that no sum or product it makes can exceed this, so no amount is
 * ever rounded.
 */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * Reads an amount of minor units from PostgreSQL: node-postgres returns `bigint` as a string, so
 * it is parsed here, and a value that a number cannot hold exactly throws instead of being rounded.
 */
export function minorUnits(value: string | number | bigint): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`An amount of ${String(value)} minor units is outside ${MAX_MINOR_UNITS} (2^53 − 1)`);
  }
  return amount;
}
