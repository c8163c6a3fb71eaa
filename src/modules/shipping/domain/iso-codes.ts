/**
 * Currency and country codes, checked against the ICU/CLDR data that ships with Node (the `Intl`
 * API), so the lists stay as current as the runtime and are not kept by hand here.
 */

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code in circulation (upper case, e.g. `EUR`, `JPY`, `KWD`); `XXX`, `eur` are not. */
export function isKnownCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Two-letter regions CLDR names that are not countries a parcel is addressed to: groupings (`EU`,
 * `EZ`, `UN`), ISO's exceptionally reserved codes (`AC`, `CP`, `CQ`, `DG`, `EA`, `IC`, `TA`) and
 * private-use codes (`QO`, `XA`, `XB`, `ZZ`). `XK` (Kosovo, user-assigned but used by carriers) stays.
 */
const NOT_COUNTRIES: ReadonlySet<string> = new Set([
  ...['EU', 'EZ', 'UN', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA'],
  ...['QO', 'XA', 'XB', 'ZZ'],
]);

/**
 * Checks a destination country: an upper-case ISO 3166-1 alpha-2 code in use. Returns `undefined`
 * when it is one, else a message; a retired or alias code names its replacement (`UK` → `GB`).
 */
export function countryProblem(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return 'must be an upper-case ISO 3166-1 alpha-2 code such as DE';
  if (NOT_COUNTRIES.has(code) || REGION_NAMES.of(code) === undefined) return `${code} is not a country code`;
  const canonical = new Intl.Locale(Intl.getCanonicalLocales(`und-${code}`)[0]).region;
  if (canonical !== code) return `${code} is not an ISO 3166-1 code in use; use ${canonical}`;
  return undefined;
}
