import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { QueryCard } from './card';
import { OVERVIEW_REFRESH_MS } from './refresh';

/**
 * GET /admin/messaging: per module (wherever it runs), messages waiting in the outbox, the oldest's
 * age, dead letters and the inbox's size; a module whose database did not answer says so.
 */
export function MessagingCard() {
  const query = useQuery({ queryKey: ['messaging'], queryFn: api.messaging, refetchInterval: OVERVIEW_REFRESH_MS });
  return (
    <QueryCard title="Outbox and dead letters" query={query}>
      {(overview) => (
        <>
          <Text size="sm" mb="xs">
            Transport: {overview.transport}
            {overview.broker && ` · broker ${overview.broker.connected ? 'connected' : 'disconnected'}`}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Module</Table.Th>
                <Table.Th scope="col">Pending</Table.Th>
                <Table.Th scope="col">Oldest pending</Table.Th>
                <Table.Th scope="col">Dead letters</Table.Th>
                <Table.Th scope="col">Inbox</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.modules.map((row) => (
                <Table.Tr key={row.module}>
                  <Table.Th scope="row">
                    {row.module}
                    {row.host && row.host !== 'this-process' && <Text size="xs">{row.host}</Text>}
                  </Table.Th>
                  {row.database === 'down' ? (
                    <Table.Td colSpan={4}>Database not answering{row.error ? `: ${row.error}` : ''}</Table.Td>
                  ) : (
                    <>
                      <Table.Td>{row.pending}</Table.Td>
                      <Table.Td>
                        {row.oldestPendingAgeSeconds === null ? '—' : `${row.oldestPendingAgeSeconds} s`}
                      </Table.Td>
                      <Table.Td>{row.deadLetters}</Table.Td>
                      <Table.Td>{row.inbox}</Table.Td>
                    </>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </QueryCard>
  );
}
