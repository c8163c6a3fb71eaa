import { Code, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../api';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { Time } from '../../components/time';
import { formatMoney } from '../../format';
import type { Payment } from './orders-api';

/** GET /payments?orderId=: the order's payments with what was captured and refunded, and the risk check. */
export function OrderPayments({ query }: { readonly query: UseQueryResult<Page<Payment>> }) {
  return (
    <Section title="Payments">
      <QueryState query={query} what="the payments">
        {({ items }) =>
          items.length === 0 ? (
            <Text>No payment for this order.</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped withTableBorder aria-label="Payments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Payment</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Amount</Table.Th>
                    <Table.Th scope="col">Captured</Table.Th>
                    <Table.Th scope="col">Refunded</Table.Th>
                    <Table.Th scope="col">Card</Table.Th>
                    <Table.Th scope="col">Risk</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((payment) => (
                    <Table.Tr key={payment.id}>
                      <Table.Th scope="row">
                        <Code>{payment.id}</Code>
                      </Table.Th>
                      <Table.Td data-payment-status>{payment.status}</Table.Td>
                      <Table.Td>{formatMoney(payment.amount)}</Table.Td>
                      <Table.Td>{formatMoney(payment.capturedAmount)}</Table.Td>
                      <Table.Td data-payment-refunded>{formatMoney(payment.refundedAmount)}</Table.Td>
                      <Table.Td>
                        {payment.provider}
                        {payment.last4 && `, card ending ${payment.last4}`}
                      </Table.Td>
                      <Table.Td>
                        {payment.riskDecision ?? '—'}
                        {payment.riskScore !== undefined && ` (score ${payment.riskScore})`}
                      </Table.Td>
                      <Table.Td>
                        <Time iso={payment.createdAt} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Section>
  );
}
