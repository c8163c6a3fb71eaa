import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';

/**
 * Currency and country codes, checked against kept lists rather than lists kept here: currencies
 * against the ICU data shipped with Node (`Intl.supportedValuesOf`, current with the runtime, and
 * without the `XXX`/`XTS` placeholders), countries against validator.js's ISO 3166-1 list — the one
 * accounts checks addresses with (`@IsISO31661Alpha2`), so every address country fits in a zone.
 */

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code in circulation (upper case, e.g. `EUR`, `JPY`, `KWD`); `XXX`, `eur` are not. */
export function isKnownCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/**
 * Checks a destination country: an upper-case, officially assigned ISO 3166-1 alpha-2 code. Returns
 * `undefined` when it is one, else a message (`UK` names `GB`, the code ISO assigns the United Kingdom).
 */
export function countryProblem(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return 'must be an upper-case ISO 3166-1 alpha-2 code such as DE';
  if (code === 'UK') return 'UK is not an ISO 3166-1 code; the United Kingdom is GB';
  if (!isISO31661Alpha2(code)) return `${code} is not an ISO 3166-1 country code`;
  return undefined;
}
