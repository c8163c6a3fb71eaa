import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { aiApi, CALL_OUTCOMES, type CallFilter } from './ai-api';
import { callCost, callModel, localInputToIso } from './format';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';

const FIELDS = ['feature', 'model', 'outcome', 'from', 'to'] as const;

/**
 * GET /ai/calls: the call log, newest first, filtered by feature, model, outcome and a time range
 * (kept in the address, so a filtered log can be linked), 25 a page.
 */
export function CallsPage() {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const filter: CallFilter = {
    feature: params.get('feature') ?? undefined,
    model: params.get('model') ?? undefined,
    outcome: params.get('outcome') ?? undefined,
    from: localInputToIso(params.get('from') ?? ''),
    to: localInputToIso(params.get('to') ?? ''),
    cursor: pages.cursor,
  };
  const query = useQuery({
    queryKey: ['ai', 'calls', filter],
    queryFn: () => aiApi.calls(filter),
    placeholderData: keepPreviousData,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    pages.reset();
    setParams(next);
  }

  return (
    <Stack>
      <Title order={2}>Calls</Title>
      <form onSubmit={apply} aria-label="Filter calls" key={params.toString()}>
        <Group align="flex-end">
          <TextInput name="feature" label="Feature" defaultValue={params.get('feature') ?? ''} />
          <TextInput name="model" label="Model" defaultValue={params.get('model') ?? ''} />
          <NativeSelect
            name="outcome"
            label="Outcome"
            data={[{ value: '', label: 'Any' }, ...CALL_OUTCOMES.map((o) => ({ value: o, label: o }))]}
            defaultValue={params.get('outcome') ?? ''}
          />
          <TextInput name="from" type="datetime-local" label="From" defaultValue={params.get('from') ?? ''} />
          <TextInput name="to" type="datetime-local" label="Before" defaultValue={params.get('to') ?? ''} />
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
      <QueryState query={query} what="calls">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Text>No call matches.</Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Started</Table.Th>
                    <Table.Th scope="col">Feature</Table.Th>
                    <Table.Th scope="col">Prompt</Table.Th>
                    <Table.Th scope="col">Model</Table.Th>
                    <Table.Th scope="col">Outcome</Table.Th>
                    <Table.Th scope="col">Latency</Table.Th>
                    <Table.Th scope="col">Cost</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((call) => (
                    <Table.Tr key={call.id}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={call.id}>
                          <Time iso={call.startedAt} />
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{call.feature}</Table.Td>
                      <Table.Td>
                        {call.prompt ? `${call.prompt.name} v${call.prompt.version ?? '?'}` : '—'}
                        {call.prompt?.label && ` (${call.prompt.label})`}
                      </Table.Td>
                      <Table.Td>{callModel(call)}</Table.Td>
                      <Table.Td>
                        <Badge color={call.outcome === 'ok' ? 'teal.9' : 'red.9'} variant="filled" tt="none">
                          {call.outcome}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{call.latencyMs} ms</Table.Td>
                      <Table.Td>{callCost(call)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
