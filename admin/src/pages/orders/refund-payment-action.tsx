import { Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from '../../components/confirm-action';
import { newIdempotencyKey } from '../../components/idempotency-key';
import { formatMoney } from '../../format';
import { ordersApi, type Order, type Payment } from './orders-api';

/**
 * POST /payments/:id/refund without an amount, after a confirmation: everything captured and not
 * yet refunded goes back (lines and shipping). Disabled while nothing captured is left.
 */
export function RefundPaymentAction({
  order,
  payment,
  changed,
}: {
  readonly order: Order;
  readonly payment: Payment | undefined;
  readonly changed: () => void;
}) {
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('requested_by_admin');
  const mutation = useMutation({
    mutationFn: (p: Payment) => ordersApi.refundPayment(p.id, reason.trim() || 'requested_by_admin', key),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      changed();
    },
  });
  const left = payment && {
    amount: payment.capturedAmount.amount - payment.refundedAmount.amount,
    currency: payment.capturedAmount.currency,
  };
  return (
    <ConfirmAction
      label="Refund everything"
      title="Refund the whole payment?"
      confirmLabel={left ? `Refund ${formatMoney(left)}` : 'Refund'}
      mutation={mutation}
      variables={() => payment!}
      disabled={!payment || order.status === 'cancelled'}
      canConfirm={reason.trim().length <= 200}
    >
      <Text>
        {left && `${formatMoney(left)} (all that is captured and not refunded yet, shipping included) goes back`}
        {payment?.last4 ? ` to the card ending ${payment.last4}.` : '.'}
      </Text>
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} />
    </ConfirmAction>
  );
}
