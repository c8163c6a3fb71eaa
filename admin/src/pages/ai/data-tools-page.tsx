import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { aiApi, type FeatureGrants, type ToolCallFilter } from './ai-api';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';

const VERDICTS = [
  'allowed',
  'refused_scope',
  'refused_write',
  'refused_limit',
  'refused_unknown',
  'refused_arguments',
  'error',
];

/** Which data scopes each AI feature is granted (GET /ai/data-tool-grants), and the tool audit (GET /ai/tool-calls). */
export function DataToolsPage() {
  const grants = useQuery({ queryKey: ['ai', 'grants'], queryFn: aiApi.grants });
  return (
    <Stack>
      <Title order={2}>Data tools</Title>
      <Title order={3}>Feature grants</Title>
      <QueryState query={grants} what="grants">
        {({ items }) => <Grants grants={items} />}
      </QueryState>
      <Title order={3}>Tool audit</Title>
      <ToolAudit />
    </Stack>
  );
}

function Grants({ grants }: { readonly grants: readonly FeatureGrants[] }) {
  if (grants.length === 0) return <Text>No feature declares data tools.</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Feature</Table.Th>
          <Table.Th scope="col">Audience</Table.Th>
          <Table.Th scope="col">Granted scopes</Table.Th>
          <Table.Th scope="col">Not granted</Table.Th>
          <Table.Th scope="col">Tools</Table.Th>
          <Table.Th scope="col">Limits</Table.Th>
          <Table.Th scope="col">Version</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grants.map((g) => (
          <Table.Tr key={g.feature}>
            <Table.Th scope="row">{g.feature}</Table.Th>
            <Table.Td>{g.audience}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {g.scopes.length === 0
                  ? 'none'
                  : g.scopes.map((s) => (
                      <Badge key={s} color="teal.9" variant="filled" tt="none">
                        {s}
                      </Badge>
                    ))}
              </Group>
            </Table.Td>
            <Table.Td>{g.declaredScopes.filter((s) => !g.scopes.includes(s)).join(', ') || '—'}</Table.Td>
            <Table.Td>{g.tools.join(', ') || '—'}</Table.Td>
            <Table.Td>
              {g.maxToolCallsPerTurn} calls a turn, {g.maxRowsPerCall} rows a call
            </Table.Td>
            <Table.Td>
              {g.version === 0 ? (
                'never granted'
              ) : (
                <>
                  v{g.version}
                  {g.changedAt && (
                    <>
                      , <Time iso={g.changedAt} />
                    </>
                  )}
                </>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ToolAudit() {
  const [filter, setFilter] = useState<Omit<ToolCallFilter, 'cursor'>>({});
  const pages = useCursorPages();
  const request: ToolCallFilter = { ...filter, cursor: pages.cursor };
  const query = useQuery({
    queryKey: ['ai', 'tool-calls', request],
    queryFn: () => aiApi.toolCalls(request),
    placeholderData: keepPreviousData,
  });
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const feature = String(form.get('feature') ?? '').trim();
    const verdict = String(form.get('verdict') ?? '');
    pages.reset();
    setFilter({ ...(feature ? { feature } : {}), ...(verdict ? { verdict } : {}) });
  }
  return (
    <>
      <form onSubmit={apply} aria-label="Filter the tool audit">
        <Group align="flex-end">
          <TextInput name="feature" label="Feature" />
          <NativeSelect
            name="verdict"
            label="Verdict"
            data={[{ value: '', label: 'Any' }, ...VERDICTS.map((v) => ({ value: v, label: v }))]}
          />
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
      <QueryState query={query} what="the tool audit">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Text>No tool call matches.</Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Feature</Table.Th>
                    <Table.Th scope="col">Tool</Table.Th>
                    <Table.Th scope="col">Scope (reach)</Table.Th>
                    <Table.Th scope="col">Verdict</Table.Th>
                    <Table.Th scope="col">Rows</Table.Th>
                    <Table.Th scope="col">Actor</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((call) => (
                    <Table.Tr key={call.id}>
                      <Table.Td>
                        <Time iso={call.at} />
                      </Table.Td>
                      <Table.Td>{call.feature}</Table.Td>
                      <Table.Td>{call.tool}</Table.Td>
                      <Table.Td>
                        {call.scope ?? '—'}
                        {call.reach && ` (${call.reach})`}
                      </Table.Td>
                      <Table.Td>
                        {call.verdict}
                        {call.detail && <Text size="xs">{call.detail}</Text>}
                      </Table.Td>
                      <Table.Td>{call.rowsReturned}</Table.Td>
                      <Table.Td>{call.actorUserId ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}
