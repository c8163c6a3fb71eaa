import { Money } from '../../../platform/money';
import { PaymentStatus } from './payment-status';

/** A refund's amount, or the problem that refuses it. */
export type RefundCheck =
  | { readonly ok: true; readonly amount: number }
  | { readonly ok: false; readonly status: 409 | 422; readonly type: string; readonly detail: string };

/**
 * Whether `requested` (null: everything still refundable) can be refunded from a payment.
 * Money that was never captured cannot be refunded (409); another currency than the payment's, or
 * more than what remains, cannot either (422). Amounts are minor units.
 */
export function checkRefund(
  payment: {
    readonly status: PaymentStatus;
    readonly currency: string;
    readonly capturedAmount: number;
    readonly refundedAmount: number;
  },
  requested: Money | null,
): RefundCheck {
  if (!['captured', 'partially_refunded', 'refunded'].includes(payment.status)) {
    return {
      ok: false,
      status: 409,
      type: 'payment-not-captured',
      detail: `A ${payment.status} payment has no captured money to refund.`,
    };
  }
  if (requested !== null && requested.currency !== payment.currency) {
    return {
      ok: false,
      status: 422,
      type: 'refund-currency-mismatch',
      detail: `The payment is in ${payment.currency}; a refund in ${requested.currency} cannot be made.`,
    };
  }
  const remaining = payment.capturedAmount - payment.refundedAmount;
  const amount = requested?.amount ?? remaining;
  if (amount <= 0 || amount > remaining) {
    return {
      ok: false,
      status: 422,
      type: 'refund-exceeds-captured',
      detail: `At most ${remaining} (captured minus already refunded) can be refunded; ${amount} was asked.`,
    };
  }
  return { ok: true, amount };
}
