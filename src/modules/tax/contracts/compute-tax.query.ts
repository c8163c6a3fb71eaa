import { Money, Query, QueryContract } from '../../../platform/messaging/contracts';

/** One line to tax: its amount after its discount, in the store's price mode (net or gross). */
export interface TaxedLineInput {
  /** The caller's id of the line, echoed back. */
  readonly lineId: string;
  /** The product's tax category (catalog's, e.g. `reduced`); null pays the country's `standard` rate. */
  readonly taxCategory: string | null;
  /** Unit price × quantity − the line's discount, in minor units; 0 or more. */
  readonly amount: Money;
}

/** The tax of one line. */
export interface LineTaxView {
  readonly lineId: string;
  /** The rate applied, in parts per million (19 % = 190 000); 0 where nothing is taxed. */
  readonly ratePpm: number;
  /** Rounded half-up to the minor unit, per line (ADR 0107). Inside `amount` when `taxIncluded`. */
  readonly tax: Money;
}

/** The tax of a cart or order, per line and on shipping. */
export interface TaxComputation {
  /** The store's price mode: `tax-inclusive` prices contain the tax, `tax-exclusive` ones do not. */
  readonly priceMode: 'tax-exclusive' | 'tax-inclusive';
  /** `priceMode === 'tax-inclusive'`: the breakdown's `taxTotal` reads "of which tax" and is not added. */
  readonly taxIncluded: boolean;
  /** The country taxed for: the one asked for, else the store's default (`TAX_DEFAULT_COUNTRY`), else null. */
  readonly country: string | null;
  /** Whether the store has rules for that country; without, nothing is taxed (every rate 0). */
  readonly countryHasRules: boolean;
  /** One entry per input line, in input order. */
  readonly lines: readonly LineTaxView[];
  /** Shipping's rate (0 where shipping is not taxed) and tax. */
  readonly shipping: { readonly ratePpm: number; readonly tax: Money };
  /** Σ line tax + shipping tax. */
  readonly taxTotal: Money;
}

/**
 * The tax of each line and of shipping for a destination, by the store's rules and price mode (ADR
 * 0107: tax on the discounted amounts, half-up per line). Answers a 400 problem for a malformed
 * country, currency, amount or line (a caller's bug, not a customer's mistake).
 */
@QueryContract(
  'tax.ComputeTax',
  () =>
    new ComputeTax('DE', 'EUR', [{ lineId: 'line-1', taxCategory: null, amount: { amount: 4491, currency: 'EUR' } }], {
      amount: 490,
      currency: 'EUR',
    }),
)
export class ComputeTax extends Query<TaxComputation> {
  constructor(
    /** ISO 3166-1 alpha-2 of the shipping address; null before the cart has one (the default country is used). */
    readonly country: string | null,
    /** ISO 4217: every amount is in it. */
    readonly currency: string,
    /** At most 500 lines. */
    readonly lines: readonly TaxedLineInput[],
    /** The shipping price after its discount; null (or 0) when nothing ships yet. */
    readonly shipping: Money | null,
  ) {
    super();
  }
}
