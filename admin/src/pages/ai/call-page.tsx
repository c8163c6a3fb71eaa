import { Anchor, Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDecimal } from '../../format';
import { aiApi, type AiCall } from './ai-api';
import { callCost, callModel } from './format';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';

/** `calls/:id`: one call in full, as the API gives it (bodies masked, or absent when capture is off). */
export function CallPage() {
  const id = useParams().id ?? '';
  const query = useQuery({ queryKey: ['ai', 'call', id], queryFn: () => aiApi.call(id) });
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        All calls
      </Anchor>
      <Title order={2}>Call {id}</Title>
      <QueryState query={query} what="the call">
        {(call) => <CallDetails call={call} />}
      </QueryState>
    </Stack>
  );
}

function CallDetails({ call }: { readonly call: AiCall }) {
  const facts: [string, ReactNode][] = [
    ['Feature', call.feature],
    ['Calling module', call.callingModule ?? '—'],
    [
      'Prompt',
      call.prompt
        ? `${call.prompt.name} v${call.prompt.version ?? '?'}${call.prompt.label ? ` via ${call.prompt.label}` : ''}${call.prompt.arm ? ` (${call.prompt.arm} arm)` : ''}`
        : '—',
    ],
    ['Provider', call.provider ?? '—'],
    ['Model asked', call.requestModel ?? '—'],
    ['Model answering', callModel(call)],
    ['Outcome', call.outcome + (call.errorType ? ` (${call.errorType})` : '')],
    ['HTTP status', call.httpStatus ?? '—'],
    ['Attempts', call.attempts],
    ['Fallback used', call.fallbackUsed ? 'yes' : 'no'],
    ['Started', <Time iso={call.startedAt} />],
    ['Finished', <Time iso={call.finishedAt} />],
    ['Latency', `${call.latencyMs} ms`],
    ['Streamed', call.streamed ? `yes, first token after ${call.ttftMs ?? '?'} ms` : 'no'],
    ['Cost', callCost(call)],
    ['Charged', call.cost.currency ? formatDecimal(call.cost.charged, call.cost.currency) : call.cost.charged],
    [
      'Estimate reserved',
      call.cost.estimate && call.cost.currency ? formatDecimal(call.cost.estimate, call.cost.currency) : '—',
    ],
    ['Correlation id', call.correlationId ?? '—'],
    ['User', call.userId ?? '—'],
    ['Warnings', call.warnings.length ? call.warnings.join('; ') : 'none'],
  ];
  return (
    <>
      <Table withRowBorders={false} aria-label="Call facts">
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Figures title="Tokens" values={call.usage} />
        <Figures
          title="Cost breakdown"
          values={call.cost.breakdown}
          format={(v) => (call.cost.currency ? formatDecimal(String(v), call.cost.currency) : String(v))}
        />
      </SimpleGrid>
      <Json title="Request (masked)" value={call.requestBody} empty={NOT_CAPTURED} />
      <Json title="Response (masked)" value={call.responseBody} empty={NOT_CAPTURED} />
      <Json title="Personal data masked" value={call.piiCounts} empty="None counted." />
      <Json title="Span attributes" value={call.attributes} empty="None recorded." />
    </>
  );
}

function Figures({
  title,
  values,
  format = String,
}: {
  readonly title: string;
  readonly values: Record<string, number | string> | null;
  readonly format?: (value: number | string) => string;
}) {
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {values === null ? (
        <Text>None recorded.</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {Object.entries(values).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{key}</Table.Th>
                <Table.Td>{format(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

const NOT_CAPTURED = 'Not captured (body capture is off for this feature).';

function Json({ title, value, empty }: { readonly title: string; readonly value: unknown; readonly empty: string }) {
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {value === undefined || value === null ? (
        <Text>{empty}</Text>
      ) : (
        <Code block tabIndex={0} role="region" aria-label={title}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}
