import { isCurrency, minorUnitExponent } from './currency';

/**
 * An integer amount of minor units shown as money in a locale: `(2590, 'EUR')` → `€25.90`,
 * `(12345, 'HUF')` → `HUF 123.45`, `(1999, 'JPY')` → `¥1,999`, `(1500, 'KWD')` → `KWD 1.500`
 * (Intl puts a no-break space between a code and the number).
 *
 * The number of decimals is the currency's ISO 4217 minor unit (`minorUnitExponent`), never the
 * runtime's display digits: CLDR shows HUF, IDR, COP and IQD with 0 decimals, which read 12345
 * minor units of HUF as 12,345 forints, a hundred times too many. A code that is not a currency is
 * shown with 2 decimals and its code. Pure and free of Node APIs: the admin console imports it too.
 */
export function formatMinorUnits(amount: number, currency: string, locale = 'en'): string {
  const digits = isCurrency(currency) ? minorUnitExponent(currency) : 2;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(amount / 10 ** digits);
}
