import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from '../../components/confirm-action';
import { newIdempotencyKey } from '../../components/idempotency-key';
import { formatMoney } from '../../format';
import { ordersApi, type Order } from './orders-api';

/** POST /orders/:id/cancel after a confirmation: the payment is voided or refunded and the stock given back. */
export function CancelOrderAction({ order, changed }: { readonly order: Order; readonly changed: () => void }) {
  const [key, setKey] = useState(newIdempotencyKey);
  const mutation = useMutation({
    mutationFn: () => ordersApi.cancel(order.id, key),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      changed();
    },
  });
  return (
    <ConfirmAction
      label="Cancel order"
      title="Cancel this order?"
      confirmLabel="Cancel the order"
      mutation={mutation}
      variables={() => undefined}
      disabled={order.status !== 'pending' && order.status !== 'confirmed'}
    >
      <Text>
        The order ({formatMoney(order.totals.total)}) is cancelled: its payment is voided, or refunded when it was
        captured, and its stock is given back. The saga timeline shows each compensation.
      </Text>
    </ConfirmAction>
  );
}
