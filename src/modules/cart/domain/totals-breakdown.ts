import { Money, multiplyExactly, sumMinorUnits } from '../../../platform/money';

/**
 * The totals breakdown shown everywhere (cart, order, payment, emails), in one currency and integer
 * minor units. Its parts always sum to the whole (ADR 0107):
 *
 *   total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)
 *
 * - `subtotal`: Σ unit price × quantity, as priced (net when tax-exclusive, gross when tax-inclusive);
 * - `discountTotal`: Σ line discounts + the shipping discount (free shipping);
 * - `shippingTotal`: the shipping price before its discount, so free shipping shows as the price and
 *   an equal discount;
 * - `taxTotal`: Σ line tax + shipping tax. When `taxIncluded` (tax-inclusive prices) the tax is
 *   already inside the subtotal and shipping, and `taxTotal` reads "of which tax"; it is not added.
 * Every line (and shipping) obeys the same rule on its own: `total = amount − discount + (taxIncluded
 * ? 0 : tax)`, and the lines' and shipping's totals sum to `total`.
 */
export interface TotalsBreakdown {
  readonly taxIncluded: boolean;
  readonly subtotal: Money;
  readonly discountTotal: Money;
  readonly shippingTotal: Money;
  readonly taxTotal: Money;
  readonly total: Money;
  readonly lines: readonly BreakdownLine[];
  /** All zero when there is no shipping (yet). */
  readonly shipping: BreakdownPart;
}

export interface BreakdownPart {
  /** Before discount: unit price × quantity for a line, the method's price for shipping. */
  readonly amount: Money;
  readonly discount: Money;
  readonly tax: Money;
  /** amount − discount + (taxIncluded ? 0 : tax) */
  readonly total: Money;
}

export interface BreakdownLine extends BreakdownPart {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** What the cart gathers before composing: its lines and prices, promotions' discounts, tax's amounts. */
export interface BreakdownInput {
  readonly currency: string;
  /** The store's price mode is tax-inclusive. */
  readonly taxIncluded: boolean;
  readonly lines: readonly {
    readonly lineId: string;
    readonly unitPrice: Money;
    readonly quantity: number;
    readonly discount: Money;
    readonly tax: Money;
  }[];
  /** `null` while no shipping method is chosen (or nothing ships). */
  readonly shipping: { readonly price: Money; readonly discount: Money; readonly tax: Money } | null;
}

export type BreakdownErrorCode =
  'currency-mismatch' | 'invalid-amount' | 'discount-exceeds-amount' | 'tax-exceeds-amount';

/**
 * Inputs that cannot make a breakdown. These come from Arcade's own modules (the cart refuses a line
 * in another currency before this), so one is a bug to fix, not a customer's mistake.
 */
export class BreakdownError extends Error {
  override name = 'BreakdownError';

  constructor(
    readonly code: BreakdownErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function amountIn(money: Money, currency: string, what: string): number {
  if (money.currency !== currency) {
    throw new BreakdownError('currency-mismatch', `${what} is in ${money.currency}, the cart in ${currency}`);
  }
  if (!Number.isSafeInteger(money.amount) || money.amount < 0) {
    throw new BreakdownError('invalid-amount', `${what} is ${money.amount}, not a non-negative amount of minor units`);
  }
  return money.amount;
}

function part(amount: number, discount: number, tax: number, taxIncluded: boolean, currency: string, what: string) {
  if (discount > amount)
    throw new BreakdownError('discount-exceeds-amount', `${what}: discount ${discount} > ${amount}`);
  // Rates are at most 100 %, so the tax never exceeds what it is levied on (or contained in).
  if (tax > amount - discount)
    throw new BreakdownError('tax-exceeds-amount', `${what}: tax ${tax} > ${amount - discount}`);
  const money = (value: number) => ({ amount: value, currency });
  return {
    amount: money(amount),
    discount: money(discount),
    tax: money(tax),
    total: money(sumMinorUnits([amount, -discount, taxIncluded ? 0 : tax])),
  };
}

/**
 * Composes the breakdown. Nothing is computed here but products and sums: the discounts come from
 * promotions (already allocated per line), the tax from tax (already rounded per line).
 * @throws BreakdownError for an amount in another currency, a negative or non-integer amount or
 *   quantity, a discount above its amount, or a tax above the discounted amount; RangeError for a sum
 *   beyond 2^53 − 1.
 */
export function composeBreakdown(input: BreakdownInput): TotalsBreakdown {
  const { currency, taxIncluded } = input;
  const lines = input.lines.map((line): BreakdownLine => {
    const what = `Line ${line.lineId}`;
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new BreakdownError('invalid-amount', `${what} has a quantity of ${line.quantity}`);
    }
    const unit = amountIn(line.unitPrice, currency, `${what}'s unit price`);
    const amount = multiplyExactly(unit, line.quantity);
    const discount = amountIn(line.discount, currency, `${what}'s discount`);
    const tax = amountIn(line.tax, currency, `${what}'s tax`);
    return {
      lineId: line.lineId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      ...part(amount, discount, tax, taxIncluded, currency, what),
    };
  });
  const s = input.shipping;
  const shipping = part(
    s ? amountIn(s.price, currency, 'The shipping price') : 0,
    s ? amountIn(s.discount, currency, 'The shipping discount') : 0,
    s ? amountIn(s.tax, currency, 'The shipping tax') : 0,
    taxIncluded,
    currency,
    'Shipping',
  );
  const parts = [...lines, shipping];
  const sum = (pick: (p: BreakdownPart) => Money) => ({
    amount: sumMinorUnits(parts.map((p) => pick(p).amount)),
    currency,
  });
  const subtotal = { amount: sumMinorUnits(lines.map((l) => l.amount.amount)), currency };
  const discountTotal = sum((p) => p.discount);
  const taxTotal = sum((p) => p.tax);
  const shippingTotal = shipping.amount;
  const total = {
    amount: sumMinorUnits([
      subtotal.amount,
      -discountTotal.amount,
      shippingTotal.amount,
      taxIncluded ? 0 : taxTotal.amount,
    ]),
    currency,
  };
  return { taxIncluded, subtotal, discountTotal, shippingTotal, taxTotal, total, lines, shipping };
}
