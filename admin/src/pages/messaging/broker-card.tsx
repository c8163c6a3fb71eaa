import { List, Table, Text } from '@mantine/core';
import { Section } from './section';
import { useMessaging } from './use-messaging';

/**
 * The broker (NATS JetStream in the split topology): connected or not, its stream, each consuming
 * module's lag, and which upstream processes answered. Nothing is shown for the in-process bus.
 */
export function BrokerCard() {
  const { data } = useMessaging();
  if (!data || (!data.broker && (data.upstreams ?? []).length === 0)) return null;
  const upstreams = data.upstreams ?? [];
  return (
    <Section title="Broker and processes">
      {data.broker ? (
        <>
          <Text mb="xs">
            Stream {data.broker.stream}: {data.broker.connected ? 'connected' : 'disconnected'}
          </Text>
          {data.broker.consumers && data.broker.consumers.length > 0 && (
            <Table mb="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Consuming module (this process)</Table.Th>
                  <Table.Th scope="col">Events not yet handled</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.broker.consumers.map((consumer) => (
                  <Table.Tr key={consumer.module}>
                    <Table.Th scope="row">{consumer.module}</Table.Th>
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
