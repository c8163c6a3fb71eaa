import { Alert, Button, Checkbox, Group, List, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { DeadLetterRow } from './dead-letter-row';
import { messagingApi } from './messaging-api';
import { ReplayOutcome } from './replay-outcome';
import { MESSAGING_REFRESH_MS } from './refresh';
import { Section } from '../../components/section';

/** The most dead letters one replay request takes (the API's limit). */
const MAX_REPLAY = 100;

/**
 * GET /admin/messaging/dead-letters: every module's dead letters (outbox and broker), each with its
 * payload and error on demand; replay one, or the selected ones at once (POST …/replay).
 */
export function DeadLettersCard() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['dead-letters'],
    queryFn: () => messagingApi.deadLetters(),
    refetchInterval: MESSAGING_REFRESH_MS,
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const replay = useMutation({
    mutationFn: (ids: readonly string[]) => messagingApi.replay(ids),
    onSuccess: async ({ results }) => {
      setSelected((current) => new Set([...current].filter((id) => !results.some((r) => r.id === id))));
      await Promise.all([
        client.invalidateQueries({ queryKey: ['dead-letters'] }),
        client.invalidateQueries({ queryKey: ['messaging'] }),
      ]);
    },
  });
  const items = query.data?.items ?? [];
  // Only letters still listed count as selected (a replayed one leaves the list).
  const chosen = items.filter((letter) => selected.has(letter.id)).map((letter) => letter.id);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Section
      title="Dead letters"
      actions={
        <Group justify="flex-end" mb="sm">
          <Button
            disabled={chosen.length === 0 || chosen.length > MAX_REPLAY}
            loading={replay.isPending && replay.variables !== undefined && replay.variables.length > 1}
            onClick={() => replay.mutate(chosen)}
          >
            Replay selected ({chosen.length})
          </Button>
        </Group>
      }
    >
      {replay.error && <ProblemAlert error={replay.error} heading="Not replayed" />}
      {replay.data && (
        <Alert color="blue" title="Replayed" mb="sm" role="status">
          <List size="sm">
            {replay.data.results.map((result) => (
              <ReplayOutcome key={result.id} result={result} />
            ))}
          </List>
        </Alert>
      )}
      <QueryState query={query} what="dead letters">
        {({ items: letters }) =>
          letters.length === 0 ? (
            <Text>No dead letters: every message was delivered or is still being tried.</Text>
          ) : (
            <Table aria-label="Dead letters">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <Checkbox
                      aria-label={`Select the first ${Math.min(letters.length, MAX_REPLAY)} dead letters`}
                      checked={chosen.length > 0 && chosen.length === Math.min(letters.length, MAX_REPLAY)}
                      indeterminate={chosen.length > 0 && chosen.length < Math.min(letters.length, MAX_REPLAY)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setSelected(new Set(on ? letters.slice(0, MAX_REPLAY).map((letter) => letter.id) : []));
                      }}
                    />
                  </Table.Th>
                  <Table.Th scope="col">Message</Table.Th>
                  <Table.Th scope="col">Module</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Written</Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {letters.map((letter) => (
                  <DeadLetterRow
                    key={letter.id}
                    letter={letter}
                    selected={selected.has(letter.id)}
                    onSelect={(on) => toggle(letter.id, on)}
                    replaying={replay.isPending && replay.variables?.length === 1 && replay.variables[0] === letter.id}
                    onReplay={() => replay.mutate([letter.id])}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}
