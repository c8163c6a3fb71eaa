import { formatMinorUnits } from '../../src/platform/money/format-money';
import type { Money } from './api';

/**
 * Integer minor units with the currency's ISO 4217 decimals: `{2590, EUR}` → `€25.90`,
 * `{12345, HUF}` → `HUF 123.45` (the server's own formatter, shared with the emails).
 */
export function formatMoney({ amount, currency }: Money): string {
  return formatMinorUnits(amount, currency);
}

/** A decimal string amount of a currency (the AI cost figures): `"0.0123"`, `USD` → `USD 0.0123`. */
export function formatDecimal(amount: string, currency: string): string {
  return `${currency} ${amount.replace(/(\.\d*?[1-9])0+$|\.0+$/, '$1')}`;
}

/** Today's UTC day and the next as YYYY-MM-DD, and the instant today began. */
export function utcToday(now = new Date()): { today: string; tomorrow: string; start: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const next = new Date(start.getTime() + 86_400_000);
  return { today: start.toISOString().slice(0, 10), tomorrow: next.toISOString().slice(0, 10), start };
}
