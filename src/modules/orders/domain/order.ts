import { Money } from '../../../platform/money';

export type OrderStatus = 'pending' | 'confirmed' | 'shipped' | 'cancelled';

export interface OrderLine {
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

export interface OrderTotals {
  readonly subtotal: Money;
  readonly total: Money;
  readonly itemCount: number;
}

/** Totals in integer minor units; every line must be in the order's one currency. */
export function totalsOf(lines: readonly OrderLine[], currency: string): OrderTotals {
  let amount = 0;
  let itemCount = 0;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency)
      throw new Error(`Line ${line.sku} is in ${line.unitPrice.currency}, not ${currency}`);
    amount += line.unitPrice.amount * line.quantity;
    itemCount += line.quantity;
  }
  if (!Number.isSafeInteger(amount)) throw new Error('Order total is out of range');
  return { subtotal: { amount, currency }, total: { amount, currency }, itemCount };
}

/** Who may cancel an order in which status: customers before shipping, admins before delivery. */
export function mayCancel(status: OrderStatus, by: 'customer' | 'admin'): boolean {
  if (status === 'pending' || status === 'confirmed') return true;
  return status === 'shipped' && by === 'admin';
}
