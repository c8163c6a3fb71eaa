import { Table, Text } from '@mantine/core';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { useMessaging } from './use-messaging';

/** Per module, wherever it runs: outbox pending, the oldest's age, dead letters, inbox size, database. */
export function ModulesMessagingCard() {
  const query = useMessaging();
  return (
    <Section title="Outbox and inbox per module">
      <QueryState query={query} what="the messaging overview">
        {(overview) => (
          <>
            <Text size="sm" mb="xs">
              Transport: {overview.transport}
            </Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Module</Table.Th>
                  <Table.Th scope="col">Hosted by</Table.Th>
                  <Table.Th scope="col">Database</Table.Th>
                  <Table.Th scope="col">Outbox pending</Table.Th>
                  <Table.Th scope="col">Oldest pending</Table.Th>
                  <Table.Th scope="col">Dead letters</Table.Th>
                  <Table.Th scope="col">Inbox</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...overview.modules]
                  .sort((a, b) => a.module.localeCompare(b.module))
                  .map((row) => (
                    <Table.Tr key={`${row.host ?? ''}/${row.module}`}>
                      <Table.Th scope="row">{row.module}</Table.Th>
                      <Table.Td>{!row.host || row.host === 'this-process' ? 'this process' : row.host}</Table.Td>
                      {row.database === 'down' ? (
                        <Table.Td colSpan={5}>Not answering{row.error ? `: ${row.error}` : ''}</Table.Td>
                      ) : (
                        <>
                          <Table.Td>up</Table.Td>
                          <Table.Td>{row.pending}</Table.Td>
                          <Table.Td>
                            {row.oldestPendingAgeSeconds === null ? '—' : age(row.oldestPendingAgeSeconds)}
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
      </QueryState>
    </Section>
  );
}

/** Seconds as the largest sensible unit: `42 s`, `3 min 5 s`, `2 h 10 min`. */
function age(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
