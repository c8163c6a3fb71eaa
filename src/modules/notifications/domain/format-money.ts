import { formatMinorUnits } from '../../../platform/money/format-money';

/** `{ amount: 1999, currency: 'EUR' }` → `€19.99`: minor units with the currency's ISO 4217 decimals. */
export function formatMoney(money: { amount: number; currency: string }, locale = 'en-GB'): string {
  return formatMinorUnits(money.amount, money.currency, locale);
}
