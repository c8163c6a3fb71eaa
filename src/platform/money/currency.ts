/**
 * ISO 4217 currencies and their minor-unit exponent: how many decimals one minor unit is (EUR 2:
 * 1 cent = 0.01 EUR; JPY 0: the yen has no minor unit; KWD 3: 1 fils = 0.001 KWD). Every amount in
 * Arcade is an integer of minor units, so arithmetic never needs the exponent; reading or showing a
 * decimal amount, and checking that an amount configured per currency is plausible, do.
 *
 * Source: ISO 4217 "List one" (current currency and funds codes, column "Minor unit"). The set of
 * codes is the runtime's `Intl.supportedValuesOf('currency')`; the exponent is NOT taken from `Intl`,
 * whose digits are CLDR display conventions (CLDR shows HUF, IDR, COP and IQD with 0 decimals, while
 * ISO 4217 and card processors use 2, 2, 2 and 3).
 */

/** Currencies whose ISO 4217 minor unit is not 2 decimals (funds codes such as CLF and UYI are not priced in). */
const NON_CENT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/** Codes ISO 4217 lists with no minor unit ("N.A."): units of account, not money a shop takes. */
const NOT_MONEY = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

const KNOWN = new Set(Intl.supportedValuesOf('currency').filter((code) => !NOT_MONEY.has(code)));

/** True for an upper-case ISO 4217 code of a currency a shop can price in (`"EUR"`, not `"eur"` or `"XAU"`). */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && KNOWN.has(code);
}

/**
 * The minor-unit exponent of a currency: 2 for EUR, 0 for JPY, 3 for KWD.
 * @throws RangeError for a code that is not a currency (see `isCurrency`); callers validate input first.
 */
export function minorUnitExponent(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`${currency} is not an ISO 4217 currency Arcade prices in`);
  return NON_CENT_EXPONENTS[currency] ?? 2;
}
