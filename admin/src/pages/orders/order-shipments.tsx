import { Code, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../api';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { Time } from '../../components/time';
import type { Shipment } from './orders-api';

/** GET /shipping/shipments?orderId=: the order's parcels, their units, carrier, tracking and moves. */
export function OrderShipments({ query }: { readonly query: UseQueryResult<Page<Shipment>> }) {
  return (
    <Section title="Shipments">
      <QueryState query={query} what="the shipments">
        {({ items }) =>
          items.length === 0 ? (
            <Text>No shipment for this order.</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder aria-label="Shipments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Shipment</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Units</Table.Th>
                    <Table.Th scope="col">Method</Table.Th>
                    <Table.Th scope="col">Carrier and tracking</Table.Th>
                    <Table.Th scope="col">Packed</Table.Th>
                    <Table.Th scope="col">Dispatched</Table.Th>
                    <Table.Th scope="col">Delivered</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((shipment) => (
                    <Table.Tr key={shipment.id}>
                      <Table.Th scope="row">
                        <Code>{shipment.id}</Code>
                      </Table.Th>
                      <Table.Td>
                        {shipment.status}
                        {shipment.exceptionReason && ` (${shipment.exceptionReason})`}
                        {shipment.cancelledAt && (
                          <>
                            {' '}
                            <Time iso={shipment.cancelledAt} />
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{shipment.lines.map((l) => `line ${l.lineNo} × ${l.quantity}`).join(', ')}</Table.Td>
                      <Table.Td>{shipment.method?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        {shipment.carrier ? `${shipment.carrier} ${shipment.trackingNumber ?? ''}` : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Time iso={shipment.packedAt} />
                      </Table.Td>
                      <Table.Td>
                        <Time iso={shipment.dispatchedAt} />
                      </Table.Td>
                      <Table.Td>
                        <Time iso={shipment.deliveredAt} />
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
