import { mulDivHalfUp, PPM } from '../../../platform/money';
import { CountryTaxRules, PriceMode, rateFor, shippingRate } from './tax-rules';

/**
 * The tax in one amount (a line after its discount, or shipping after its discount), rounded half-up
 * to the minor unit, once per line:
 * - tax-exclusive (the amount is net):   `tax = round(net × rate)`;
 * - tax-inclusive (the amount is gross): `tax = round(gross × rate / (1 + rate))`, net = gross − tax.
 * In both modes the tax itself is what is rounded, by the same rule, so a net price list converted to
 * gross prices (`gross = net + round(net × rate)`) yields the same tax from either side.
 * Examples: 18.00 net at 19 % → 3.42; 11.90 gross at 19 % → 1.90; 0.09 gross at 20 % → 0.015 → 0.02.
 * Sources: ADR 0107 (half-up per line, after the US Streamlined Sales and Use Tax Agreement §324 and
 * HMRC VAT Notice 700 §17.5; EU law leaves the method to member states, CJEU C-484/06 Ahold).
 * @throws RangeError for a negative or unsafe amount, or a rate outside 0–1 000 000 ppm.
 */
export function taxOf(amount: number, ratePpm: number, mode: PriceMode): number {
  if (ratePpm > PPM) throw new RangeError(`A rate of ${ratePpm} ppm is above 100 %`);
  return mode === 'tax-exclusive' ? mulDivHalfUp(amount, ratePpm, PPM) : mulDivHalfUp(amount, ratePpm, PPM + ratePpm);
}

/** A cart or order line as tax sees it: the amount after its discount (net or gross per the price mode). */
export interface TaxableLine {
  readonly lineId: string;
  /** The product's tax category; `null` pays the standard rate. */
  readonly taxCategory: string | null;
  readonly amount: number;
}

export interface LineTax {
  readonly lineId: string;
  readonly ratePpm: number;
  readonly tax: number;
}

export interface CartTax {
  readonly lines: readonly LineTax[];
  readonly shipping: { readonly ratePpm: number; readonly tax: number };
}

/**
 * The tax of every line and of shipping for a destination. `rules` is `null` for a country the store
 * has no tax rules for: nothing is taxed there (rate 0).
 * @param shippingAmount the shipping price after its discount (0 with free shipping or no shipping).
 */
export function taxCart(
  rules: CountryTaxRules | null,
  mode: PriceMode,
  lines: readonly TaxableLine[],
  shippingAmount: number,
): CartTax {
  const lineRate = (line: TaxableLine) => (rules ? rateFor(rules, line.taxCategory) : 0);
  const forShipping = rules ? shippingRate(rules) : 0;
  return {
    lines: lines.map((line) => {
      const ratePpm = lineRate(line);
      return { lineId: line.lineId, ratePpm, tax: taxOf(line.amount, ratePpm, mode) };
    }),
    shipping: { ratePpm: forShipping, tax: taxOf(shippingAmount, forShipping, mode) },
  };
}
