import { Button, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { Time } from '../../components/time';
import type { DeadLetter } from './messaging-api';

/** One dead letter: its summary row, and when expanded, its payload, full error and ids below it. */
export function DeadLetterRow({
  letter,
  selected,
  onSelect,
  replaying,
  onReplay,
}: {
  readonly letter: DeadLetter;
  readonly selected: boolean;
  readonly onSelect: (on: boolean) => void;
  readonly replaying: boolean;
  readonly onReplay: () => void;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const error = letter.lastError ?? '—';
  return (
    <>
      <Table.Tr data-dead-letter={letter.id}>
        <Table.Td>
          <Checkbox
            aria-label={`Select ${letter.type} ${letter.id}`}
            checked={selected}
            onChange={(event) => onSelect(event.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Th scope="row">{letter.type}</Table.Th>
        <Table.Td>
          {letter.module}
          {letter.host !== 'this-process' && <Text size="xs">{letter.host}</Text>}
        </Table.Td>
        <Table.Td>{letter.source}</Table.Td>
        <Table.Td>{letter.attempts}</Table.Td>
        <Table.Td>
          <Time iso={letter.createdAt} />
        </Table.Td>
        <Table.Td maw={320}>
          <Text size="sm" lineClamp={2}>
            {error}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen((was) => !was)}
              aria-label={`Details of ${letter.type} ${letter.id}`}
            >
              Details
            </Button>
            <Button size="xs" loading={replaying} onClick={onReplay} aria-label={`Replay ${letter.type} ${letter.id}`}>
              Replay
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={8}>
            <Stack gap="xs">
              <Text size="sm">
                Id {letter.id} · {letter.kind} · correlation {letter.correlationId} · held by{' '}
                {letter.host === 'this-process' ? 'this process' : letter.host}
              </Text>
              <Text size="sm" fw={700}>
                Error
              </Text>
              <Code block>{error}</Code>
              <Text size="sm" fw={700}>
                Payload
              </Text>
              <Code block>{JSON.stringify(letter.payload, null, 2)}</Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
