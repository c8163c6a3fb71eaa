import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from '../../components/confirm-action';
import { FraudLabelStatus } from './fraud-label-status';
import { ordersApi, type Order } from './orders-api';

/**
 * PUT /payments/fraud-labels/:orderId after a confirmation: labels the order's payment fraudulent
 * (or legitimate, correcting an earlier label) for the next training of the fraud model. The
 * payment's current label (GET /payments/fraud-labels/:orderId) is shown beside the button.
 */
export function MarkFraudAction({
  order,
  hasPayment,
  changed,
}: {
  readonly order: Order;
  readonly hasPayment: boolean;
  readonly changed: () => void;
}) {
  const [verdict, setVerdict] = useState<'fraudulent' | 'legitimate'>('fraudulent');
  const [note, setNote] = useState('');
  const client = useQueryClient();
  const labelKey = ['order-fraud-label', order.id];
  const label = useQuery({
    queryKey: labelKey,
    queryFn: () => ordersApi.fraudLabel(order.id),
    enabled: hasPayment,
  });
  const mutation = useMutation({
    mutationFn: () => ordersApi.label(order.id, verdict === 'fraudulent', note.trim()),
    onSuccess: (answer) => {
      client.setQueryData(labelKey, answer);
      changed();
    },
  });
  return (
    <>
      <ConfirmAction
        label="Mark fraudulent"
        title="Label this order's payment"
        confirmLabel={verdict === 'fraudulent' ? 'Label fraudulent' : 'Label legitimate'}
        mutation={mutation}
        variables={() => undefined}
        disabled={!hasPayment}
      >
        <Text size="sm">The label teaches the next fraud model; it does not cancel or refund the order.</Text>
        <Radio.Group
          label="Verdict"
          value={verdict}
          onChange={(value) => setVerdict(value as 'fraudulent' | 'legitimate')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="fraudulent" label="Fraudulent" />
            <Radio value="legitimate" label="Legitimate (corrects an earlier label)" />
          </Stack>
        </Radio.Group>
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          placeholder="e.g. cardholder called: card stolen"
        />
      </ConfirmAction>
      {hasPayment && <FraudLabelStatus query={label} />}
    </>
  );
}
