import { NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from '../../components/confirm-action';
import { newIdempotencyKey } from '../../components/idempotency-key';
import { formatMoney } from '../../format';
import { ordersApi, type Order } from './orders-api';

/**
 * POST /orders/:id/refunds after a confirmation: some units of some lines go back at what they paid
 * (after their discount, tax included; shipping is not refunded by lines). Each line offers at most
 * the units it has left to refund.
 */
export function RefundLinesAction({
  order,
  refundable,
  changed,
}: {
  readonly order: Order;
  /** Whether a payment has captured money left to refund. */
  readonly refundable: boolean;
  readonly changed: () => void;
}) {
  const [key, setKey] = useState(newIdempotencyKey);
  const [units, setUnits] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('returned');
  const chosen = order.lines
    .map((line) => ({ lineNo: line.lineNo, quantity: units[line.lineNo] ?? 0 }))
    .filter((line) => line.quantity > 0);
  const mutation = useMutation({
    mutationFn: () => ordersApi.refundLines(order.id, chosen, reason.trim() || 'refund', key),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      setUnits({});
      changed();
    },
  });
  return (
    <ConfirmAction
      label="Refund lines"
      title="Refund units of lines"
      confirmLabel="Refund the chosen units"
      mutation={mutation}
      variables={() => undefined}
      disabled={!refundable || order.status === 'cancelled'}
      canConfirm={chosen.length > 0}
    >
      <Text size="sm">
        Each unit goes back at what it paid: its share of the line after the discount, tax included. Shipping is not
        refunded by lines.
      </Text>
      <Table withTableBorder aria-label="Units to refund">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">Paid</Table.Th>
            <Table.Th scope="col">Left to refund</Table.Th>
            <Table.Th scope="col">Units to refund</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((line) => {
            const left = line.quantity - line.refundedUnits;
            return (
              <Table.Tr key={line.lineNo}>
                <Table.Th scope="row">
                  {line.lineNo}. {line.title} ({line.sku})
                </Table.Th>
                <Table.Td>{formatMoney(line.total)}</Table.Td>
                <Table.Td>{left}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Units of line ${line.lineNo} to refund`}
                    min={0}
                    max={left}
                    step={1}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    disabled={left === 0}
                    value={units[line.lineNo] ?? 0}
                    onChange={(value) => setUnits((u) => ({ ...u, [line.lineNo]: Number(value) || 0 }))}
                    w={110}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={100} />
    </ConfirmAction>
  );
}
