import { List, Table, Text } from '@mantine/core';
import { Section } from '../../components/section';
import { useMessaging } from './use-messaging';

/**
 * The broker (NATS JetStream in the split topology): connected or not, its stream, each consuming
 * module's lag in whichever process hosts it, and which upstream processes answered. Nothing is shown for the in-process bus.
 */
export function BrokerCard() {
  const { data } = useMessaging();
  if (!data || (!data.broker && (data.upstreams ?? []).length === 0)) return null;
  const upstreams = data.upstreams ?? [];
  // Each process reports the lag of the consumers it hosts.
  const consumers = [
    ...(data.broker?.consumers ?? []).map((consumer) => ({ ...consumer, process: 'this process' })),
    ...upstreams.flatMap((upstream) =>
      (upstream.broker?.consumers ?? []).map((consumer) => ({ ...consumer, process: upstream.upstream })),
    ),
  ];
  return (
    <Section title="Broker and processes">
      {data.broker ? (
        <>
          <Text mb="xs">
            Stream {data.broker.stream}: {data.broker.connected ? 'connected' : 'disconnected'}
          </Text>
          {consumers.length > 0 && (
            <Table mb="sm" aria-label="Consumer lag">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Consuming module</Table.Th>
                  <Table.Th scope="col">Process</Table.Th>
                  <Table.Th scope="col">Events not yet handled</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {consumers.map((consumer) => (
                  <Table.Tr key={`${consumer.process}/${consumer.module}`}>
                    <Table.Th scope="row">{consumer.module}</Table.Th>
                    <Table.Td>{consumer.process}</Table.Td>
                    <Table.Td>{consumer.pending}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      ) : (
        <Text mb="xs">No broker: messages stay in this process.</Text>
      )}
      {upstreams.length > 0 && (
        <List size="sm" aria-label="Upstream processes">
          {upstreams.map((upstream) => (
            <List.Item key={upstream.upstream}>
              {upstream.upstream}:{' '}
              {upstream.reachable
                ? `answered${upstream.broker ? `, broker ${upstream.broker.connected ? 'connected' : 'disconnected'}` : ''}`
                : `did not answer${upstream.error ? ` (${upstream.error})` : ''}`}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
