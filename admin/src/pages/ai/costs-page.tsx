import { Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Budget } from '../../api';
import { formatDecimal } from '../../format';
import { aiApi, type Price, type SpendReport } from './ai-api';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { SpendChart } from './spend-chart';

const DAY_MS = 86_400_000;

/** The UTC days from `from` (inclusive) to `to` (exclusive), YYYY-MM-DD; none when the range is not one. */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start || end - start > 366 * DAY_MS) return [];
  const days: string[] = [];
  for (let t = start; t < end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function defaultRange(): { from: string; to: string } {
  const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 13 * DAY_MS).toISOString().slice(0, 10);
  return { from, to: tomorrow };
}

/** The AI spend (GET /ai/spend) per day × feature × model, the budgets and the price table. */
export function CostsPage() {
  const [range, setRange] = useState(defaultRange);
  const days = daysBetween(range.from, range.to);
  const spend = useQuery({
    queryKey: ['ai', 'spend', range],
    queryFn: () => aiApi.spend(range.from, range.to),
    enabled: days.length > 0,
  });
  const budgets = useQuery({ queryKey: ['ai', 'budgets'], queryFn: api.budgets });
  const prices = useQuery({ queryKey: ['ai', 'prices'], queryFn: aiApi.prices });
  return (
    <Stack>
      <Title order={2}>Costs</Title>
      <Group align="flex-end">
        <TextInput
          type="date"
          label="From (UTC day)"
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="Up to (UTC day, not included)"
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
        />
      </Group>
      <Title order={3}>Spend per day</Title>
      {days.length === 0 ? (
        <Text role="alert">Choose a first day before the last (at most a year).</Text>
      ) : (
        <QueryState query={spend} what="spend">
          {(report) => <Spend report={report} days={days} />}
        </QueryState>
      )}
      <Title order={3}>Budgets</Title>
      <QueryState query={budgets} what="budgets">
        {({ items }) => <Budgets budgets={items} />}
      </QueryState>
      <Title order={3}>Prices</Title>
      <QueryState query={prices} what="prices">
        {({ items }) => <Prices prices={items} />}
      </QueryState>
    </Stack>
  );
}

function Spend({ report, days }: { readonly report: SpendReport; readonly days: readonly string[] }) {
  const currencies = Object.keys(report.totals).filter((c) => c !== 'unpriced');
  if (report.items.length === 0) return <Text>No AI call in these days.</Text>;
  return (
    <>
      <Group>
        {Object.entries(report.totals).map(([currency, total]) => (
          <Text key={currency} data-total={currency}>
            {currency === 'unpriced' ? 'Unpriced' : formatDecimal(total.cost, currency)} · {total.calls}{' '}
            {total.calls === 1 ? 'call' : 'calls'}
            {total.unpricedCalls > 0 && ` (${total.unpricedCalls} without a price)`}
          </Text>
        ))}
      </Group>
      {currencies.map((currency) => (
        <SpendChart key={currency} rows={report.items} currency={currency} days={days} />
      ))}
      <Table striped aria-label="Spend per day, feature and model">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col">Feature</Table.Th>
            <Table.Th scope="col">Provider / model</Table.Th>
            <Table.Th scope="col">Calls</Table.Th>
            <Table.Th scope="col">Failed / refused</Table.Th>
            <Table.Th scope="col">Tokens in / out</Table.Th>
            <Table.Th scope="col">Cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((row) => (
            <Table.Tr key={`${row.day} ${row.feature} ${row.provider} ${row.model} ${row.currency}`}>
              <Table.Td>{row.day}</Table.Td>
              <Table.Td>{row.feature}</Table.Td>
              <Table.Td>
                {row.provider} / {row.model}
              </Table.Td>
              <Table.Td>{row.calls}</Table.Td>
              <Table.Td>
                {row.failedCalls} / {row.refusedCalls}
              </Table.Td>
              <Table.Td>
                {row.tokens.input ?? 0} / {row.tokens.output ?? 0}
              </Table.Td>
              <Table.Td>
                {row.currency ? formatDecimal(nanosToDecimal(row.costNanos), row.currency) : 'unpriced'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Integer nanos as an exact decimal string: 63000 → "0.000063000". */
export function nanosToDecimal(nanos: number): string {
  const sign = nanos < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(nanos))).padStart(10, '0');
  return `${sign}${digits.slice(0, -9)}.${digits.slice(-9)}`;
}

function Budgets({ budgets }: { readonly budgets: readonly Budget[] }) {
  if (budgets.length === 0) return <Text>No budget: AI calls are not limited.</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Budget</Table.Th>
          <Table.Th scope="col">Window</Table.Th>
          <Table.Th scope="col">Spent of limit</Table.Th>
          <Table.Th scope="col">Used</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {budgets.map((budget) => {
          const name = `${budget.scope === 'global' ? 'All features' : budget.feature} (per ${budget.period})`;
          const limit = Number(budget.limit);
          const used = limit > 0 ? (Number(budget.window.spent) / limit) * 100 : 100;
          const soft = budget.softLimit !== null && Number(budget.window.spent) >= Number(budget.softLimit);
          return (
            <Table.Tr key={budget.id}>
              <Table.Th scope="row">
                {name}
                {!budget.active && ' — inactive'}
              </Table.Th>
              <Table.Td>
                <Time iso={budget.window.start} /> – <Time iso={budget.window.end} />
              </Table.Td>
              <Table.Td>
                {formatDecimal(budget.window.spent, budget.currency)} of {formatDecimal(budget.limit, budget.currency)}
                {Number(budget.window.reserved) > 0 &&
                  `, ${formatDecimal(budget.window.reserved, budget.currency)} reserved`}
                {budget.softLimit !== null && ` (soft limit ${formatDecimal(budget.softLimit, budget.currency)})`}
              </Table.Td>
              <Table.Td miw={160}>
                <Text size="xs">{used.toFixed(1)} %</Text>
                <Progress
                  value={Math.min(used, 100)}
                  color={used >= 100 ? 'red' : soft ? 'orange' : 'blue'}
                  aria-label={`${name}: ${used.toFixed(1)} % used`}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Prices({ prices }: { readonly prices: readonly Price[] }) {
  const per = (price: Price, key: string) => {
    const value = price.perMillionTokens[key];
    return value === null || value === undefined ? '—' : formatDecimal(value, price.currency);
  };
  return (
    <Table striped aria-label="Prices per million tokens">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Model</Table.Th>
          <Table.Th scope="col">Matches</Table.Th>
          <Table.Th scope="col">From</Table.Th>
          <Table.Th scope="col">Input</Table.Th>
          <Table.Th scope="col">Cached input</Table.Th>
          <Table.Th scope="col">Output</Table.Th>
          <Table.Th scope="col">Reasoning</Table.Th>
          <Table.Th scope="col">Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {prices.map((price) => (
          <Table.Tr key={price.id}>
            <Table.Th scope="row">{price.modelName}</Table.Th>
            <Table.Td>
              <code>{price.matchPattern}</code>
            </Table.Td>
            <Table.Td>{new Date(price.effectiveFrom).toLocaleDateString()}</Table.Td>
            <Table.Td>{per(price, 'input')}</Table.Td>
            <Table.Td>{per(price, 'cachedInput')}</Table.Td>
            <Table.Td>{per(price, 'output')}</Table.Td>
            <Table.Td>{per(price, 'reasoning')}</Table.Td>
            <Table.Td>{price.source + (price.note ? ` (${price.note})` : '')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
