import type { Money } from './api';

/** Integer minor units as the currency shows them: `{2590, EUR}` → `€25.90`. */
export function formatMoney({ amount, currency }: Money): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
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
