import { formatMoney } from './format-money';

interface Amount {
  readonly amount: number;
  readonly currency: string;
}

/** The part of an order's totals breakdown (ADR 0107) an email shows. */
export interface BreakdownToShow {
  readonly subtotal: Amount;
  readonly shippingTotal: Amount;
  readonly taxTotal: Amount;
  readonly taxIncluded: boolean;
  readonly promotions: readonly { readonly code: string | null; readonly amount: Amount }[];
}

/** One row of an email's totals: a label and a formatted amount. */
export interface BreakdownRow {
  readonly label: string;
  readonly amount: string;
}

/**
 * The rows an email shows between the lines and the total: the subtotal, one row per promotion
 * (negative, named by its code), shipping, and the tax ("Tax", or "Tax included" in a tax-inclusive
 * store, where it is part of the prices and not added).
 */
export function breakdownRows(totals: BreakdownToShow): BreakdownRow[] {
  return [
    { label: 'Subtotal', amount: formatMoney(totals.subtotal) },
    ...totals.promotions.map((p) => ({
      label: p.code ? `Discount (${p.code})` : 'Discount',
      amount: `−${formatMoney(p.amount)}`,
    })),
    { label: 'Shipping', amount: formatMoney(totals.shippingTotal) },
    { label: totals.taxIncluded ? 'Tax included' : 'Tax', amount: formatMoney(totals.taxTotal) },
  ];
}
