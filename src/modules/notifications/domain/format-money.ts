/** `{ amount: 1999, currency: 'EUR' }` → `€19.99`, using the currency's own number of minor digits. */
export function formatMoney(money: { amount: number; currency: string }, locale = 'en-GB'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}
